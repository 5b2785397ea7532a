## Распоред странице
service-name = eForeigner
skip-to-content = Пређите на главни садржај
nav-label = Главни мени
nav-verifications = Ред за проверу
nav-services = Услуге
nav-account = Ваш налог
nav-sign-out = Одјавите се
nav-sign-in = Пријавите се
nav-register = Направите налог
nav-dev-mailbox = Поштанско сандуче за развој
language-switch-label = Језик
timeout-title = Ускоро ћете бити одјављени
timeout-body = Ради Ваше безбедности, одјављујемо Вас после одређеног времена без активности. Све што нисте сачували биће изгубљено.
timeout-extend = Останите пријављени
footer-text = eForeigner – портал електронске управе за стране држављане. Софтвер отвореног кода.
session-expires-at = Ако нема активности, Ваша сесија истиче у
save = Сачувајте
back-to-account = Назад на Ваш налог
optional = (није обавезно)
select-placeholder = Изаберите…
error-summary-title = Постоји проблем
uploads-kept-title = Већ приложене датотеке
uploads-remove = Уклоните

## Почетна страница
home-title = Услуге за стране држављане у Србији
home-lead = Направите један налог и користите електронске услуге за стране држављане: поднесите захтев за привремени боравак, пратите своје захтеве и примајте службене документе.
home-register = Направите налог
home-have-account = Већ имате налог?
home-how-title = Како функционише
home-how-1 = Направите налог са својом адресом е-поште и приложите пасош или личну карту за странца.
home-how-2 = Потврдите адресу е-поште преко линка који ћемо Вам послати.
home-how-3 = Овлашћено лице проверава Ваш документ, најкасније у року од 24 сата.
home-how-4 = Када Ваш налог буде активан, можете да користите услуге.

## Странице са грешком
error-go-home = Идите на почетну страницу
error-not-found-title = Страница није пронађена
error-not-found-body = Страница не постоји или немате приступ њој. Ако сте сами укуцали адресу, проверите је.
error-forbidden-title = Приступ није дозвољен
error-forbidden-body = Ваш налог нема приступ овој страници.
error-access-denied-title = Приступ није дозвољен – Ваш налог чека проверу
error-access-denied-body = Услуге можете да користите када овлашћено лице провери Ваш идентификациони документ. То се дешава у року од 24 сата од потврде адресе е-поште.
access-denied-see-status = Погледајте статус свог налога
error-csrf-title = Овај образац је истекао
error-csrf-body = Ради Ваше безбедности, образац није послат. Вратите се назад, поново учитајте страницу и покушајте поново.
error-csrf-back = Почните испочетка
error-bad-request-title = Нешто у захтеву није било у реду
error-bad-request-body = Захтев није могао да се обради. Вратите се назад и покушајте поново.
error-method-title = Ова страница не може да се отвори преко своје адресе
error-method-body = На ову адресу се шаље образац, па она нема своју страницу. Вратите се на страницу са обрасцем или почните поново од почетне странице.
error-too-large-title = Датотека је превелика
error-too-large-body = Образац је послао превише одједном. Свака датотека може да има највише 5 MB, а образац највише 100 поља и датотека. Вратите се и покушајте поново.
error-throttled-title = Превише покушаја
error-throttled-body = Сачекајте мало и покушајте поново.
error-internal-title = Извините, дошло је до проблема са услугом
error-internal-body = Покушајте поново касније. Оно што сте унели није изгубљено ако је било сачувано.
error-unauthenticated-body = Прво се пријавите.
error-conflict-body = Ово је у међувремену промењено или радња више није могућа. Поново учитајте страницу и покушајте поново.
error-not-draft-body = Овај захтев је поднет и више се не може мењати. Измена није сачувана.
error-invalid-json = Тело захтева није исправан JSON очекиваног облика.

## Грешке у пољима
error-required = Ово поље је обавезно.
error-too-long = Унесите највише { $max ->
        [one] { $max } знак
        [few] { $max } знака
       *[other] { $max } знакова
    }.
error-name-invalid-characters = Користите само слова, размаке, цртице и апострофе.
error-date-invalid = Унесите постојећи датум, на пример 2024-03-27.
error-date-of-birth-in-future = Датум рођења мора бити у прошлости.
error-choose-one = Изаберите једну од понуђених опција.
error-citizenship-serbian = Овај портал је намењен страним држављанима. Држављани Србије користе портал еУправа.
error-unknown-country = Изаберите државу са листе.
error-ebs-required = Унесите евиденцијски број странца или изаберите одговор „Не“ или „Не сећам се“.
error-identifier-empty = Унесите број.
error-wrong-length = Број мора имати { $expected } цифара; унели сте { $found }.
error-not-digits = Користите само цифре.
error-invalid-date = Број не садржи исправан датум рођења. Проверите га.
error-invalid-check-digit = Број није исправан: последња цифра се не слаже. Проверите да ли сте погрешно откуцали неку цифру.
error-ebs-wrong-register = Ово није евиденцијски број странца (после датума рођења мора да садржи 06 или 66).
error-invalid-format = Формат није исправан.
error-reference-wrong-model = Овде је прихваћен само модел плаћања 97.
error-reference-too-long = Позив на број може имати највише { $max } цифара.
error-document-number-invalid = Унесите број документа како је одштампан: од 5 до 20 слова и цифара.
error-document-expired = Документу је истекао рок важења. Региструјте се са важећим документом.
error-email-empty = Унесите адресу е-поште.
error-email-invalid = Унесите адресу е-поште у исправном облику, на пример name@example.com.
error-email-too-long = Адреса е-поште је предугачка.
error-email-taken = Ову адресу е-поште већ користи други налог.
error-email-same = Ово је већ Ваша адреса е-поште.
error-password-too-short = Лозинка мора да има најмање { $min ->
        [one] { $min } знак
        [few] { $min } знака
       *[other] { $min } знакова
    }. Неколико неповезаних речи чини јаку лозинку.
error-password-too-long = Лозинка може да има највише { $max ->
        [one] { $max } знак
        [few] { $max } знака
       *[other] { $max } знакова
    }.
error-password-common = Ова лозинка је превише честа и лако се погађа. Изаберите другу.
error-password-contains-personal-data = Лозинка не сме да садржи Ваше име или адресу е-поште.
error-password-repetitive = Лозинка не сме да буде један знак који се понавља или једноставан низ.
error-phone-invalid = Унесите број телефона од 6 до 20 цифара, на пример +381 64 123 4567.
error-consent-required = Да бисте направили налог, морате да прихватите услове коришћења.
error-documents-required = Приложите идентификациони документ (једну или две датотеке).
error-file-empty = Датотека { $name } је празна.
error-file-too-large = Датотека { $name } је већа од { $mb } MB.
error-file-wrong-type = Датотека { $name } није у формату PDF, JPEG или PNG.
error-file-bad-image = Слика { $name } не може да се прочита или има превише пиксела.
error-file-duplicate-name = Датотека са именом { $name } је већ приложена. Преименујте једну од њих.
error-file-too-many = Можете да приложите највише { $max ->
        [one] { $max } датотеку
        [few] { $max } датотеке
       *[other] { $max } датотека
    }; датотека { $name } није додата.
error-form-expired = Образац је истекао из безбедносних разлога. Проверите своје одговоре и пошаљите га поново.
error-current-password-wrong = Тренутна лозинка није тачна.
error-note-required-for-other = Објасните разлог у напомени.
error-login-invalid = Адреса е-поште или лозинка није тачна.
error-login-throttled = Превише неуспешних покушаја. Покушајте поново за { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунде
       *[other] { $seconds } секунди
    }.
error-login-locked = Ваша лозинка је закључана после превише неуспешних покушаја. Поставите нову преко опције „Заборавили сте лозинку?“.
error-login-unconfirmed = Прво потврдите адресу е-поште: отворите линк који смо Вам послали. Можете да затражите нови линк.

## Називи поља и напомене
field-given-names = Име (имена)
field-surname = Презиме
field-date-of-birth = Датум рођења
field-sex = Пол
field-citizenship = Држављанство
field-has-ebs = Да ли имате евиденцијски број странца?
field-ebs = Евиденцијски број странца
field-id-doc-type = Идентификациони документ
field-id-doc-number = Број документа
field-id-doc-expiry = Важи до
field-documents = Скенирани документ или фотографија документа
field-email = Адреса е-поште
field-password = Лозинка
field-phone = Број телефона
field-consent = Прихватам услове коришћења и обраду мојих података о личности за ову услугу
field-current-password = Тренутна лозинка
field-new-password = Нова лозинка
field-new-email = Нова адреса е-поште
field-language = Језик страница и порука е-поште
field-reason = Разлог
field-note = Напомена за подносиоца
hint-date-of-birth = Као у Вашем документу, на пример 1990-04-27.
hint-ebs = 13 цифара. Добили сте га када сте пријавили боравак у Србији дужи од 90 дана; уписан је у Ваш пасош. Обавезно ако сте одговорили „Да“.
hint-id-doc-number = Како је одштампан у документу.
hint-id-doc-expiry = На пример 2030-12-31.
hint-documents = PDF, JPEG или PNG, највише 5 MB по датотеци, једна или две датотеке. За личну карту приложите обе стране. Ако је у Ваш пасош уписан евиденцијски број странца, приложите и ту страну.
hint-email = Ово ће бити Ваше корисничко име. Послаћемо Вам линк да потврдите адресу.
hint-password = Најмање 15 знакова. Неколико неповезаних речи лако се памти, а тешко погађа. Лозинку можете да налепите.
hint-new-password = Најмање 15 знакова. Не сме да буде честа лозинка нити да садржи Ваше име.
hint-phone = На пример +381 64 123 4567.
hint-note = Подносилац види ову напомену.
sex-female = Женски
sex-male = Мушки
has-ebs-yes = Да
has-ebs-no = Не
has-ebs-forgotten = Не сећам се
id-doc-type-passport = Пасош
id-doc-type-foreigner-id = Лична карта за странца

## Регистрација
register-title = Направите налог
register-intro = Унесите податке као у Вашем идентификационом документу. Сва поља су обавезна, осим оних означених као необавезна.
register-intro-documents = Овлашћено лице проверава Ваш документ у року од 24 сата од потврде адресе е-поште.
register-submit = Направите налог
register-have-account = Већ имам налог
register-section-personal = Лични подаци
register-section-ebs = Евиденцијски број странца
register-section-document = Идентификациони документ
register-section-account = Подаци за пријаву
register-sent-title = Проверите е-пошту
register-sent-body = Ако адреса може да се региструје, послали смо линк за њену потврду. Линк важи 24 сата.
register-sent-spam = Порука може да стигне у фасциклу за нежељену пошту (Спам).
register-sent-next = Када потврдите адресу, овлашћено лице проверава Ваш документ у року од 24 сата. Обавестићемо Вас е-поштом када Ваш налог буде активан.
resend-link = Пошаљите поново линк за потврду
confirm-title = Потврдите адресу е-поште
confirm-body = Притисните дугме да бисте потврдили адресу е-поште.
confirm-button = Потврдите
link-invalid-title = Овај линк није важећи
link-invalid-body = Линк је истекао или је већ искоришћен. Сваки линк може да се искористи само једном: линк за потврду важи 24 сата, а линк за лозинку 1 сат.
link-invalid-retry = Затражите нови линк
confirmed-title = Ваша адреса е-поште је потврђена
confirmed-body = Ваш налог сада чека проверу. Овлашћено лице проверава Ваш документ у року од 24 сата.
confirmed-next = Обавестићемо Вас е-поштом када Ваш налог буде активан. Већ сада можете да се пријавите и видите његов статус.
resend-title = Пошаљите поново линк за потврду
resend-intro = Унесите адресу е-поште са којом сте се регистровали.
resend-submit = Пошаљите
resend-done-title = Проверите е-пошту
resend-done-body = Ако налог са овом адресом чека потврду, послали смо нови линк. Ранији линкови више не важе.

## Пријава
login-choose-title = Изаберите начин пријаве
login-choose-intro = Можете да се пријавите на три начина.
login-method-password = Пријава адресом е-поште и лозинком
login-method-mobile = Пријава мобилним телефоном (двофакторска аутентификација)
login-method-certificate = Пријава квалификованим електронским сертификатом
login-mobile-title = Пријава мобилним телефоном
login-certificate-title = Пријава квалификованим електронским сертификатом
login-not-available-yet = Овај начин пријаве још није доступан на порталу eForeigner. Пријавите се адресом е-поште и лозинком.
login-mobile-body = Када буде доступан, унећете корисничко име и потврдити пријаву у мобилној апликацији за одобравање.
login-certificate-body = Када буде доступан, пријавићете се квалификованим електронским сертификатом издатим у Србији (МУП, Пошта, ПКС, Halcom, E-Smart).
login-title = Пријава
login-submit = Пријавите се
login-forgot = Заборавили сте лозинку?
login-session-expired = Ваша сесија је истекла. Пријавите се поново да бисте наставили где сте стали.
logout-title = Одјављени сте
logout-body = Хвала што користите eForeigner.

## Опоравак лозинке
forgot-title = Опоравак лозинке
forgot-intro = Унесите адресу е-поште којом се пријављујете. Послаћемо Вам линк за постављање нове лозинке.
forgot-submit = Пошаљите
forgot-exit = Назад на пријаву
forgot-sent-title = Проверите е-пошту
forgot-sent-body = Ако постоји налог са овом адресом, послали смо линк за постављање нове лозинке. Линк важи 1 сат и може да се искористи само једном.
reset-title = Поставите нову лозинку
reset-intro = Изаберите нову лозинку. Бићете одјављени са свих других уређаја.
reset-submit = Поставите лозинку
reset-done-title = Ваша лозинка је промењена
reset-done-body = Одјављени сте са свих уређаја. Пријавите се новом лозинком.

## Налог
account-title = Ваш налог
account-status-heading = Статус
account-correct-link = Исправите своје податке
account-details-heading = Ваши подаци
account-documents-heading = Ваши идентификациони документи
account-manage-heading = Управљање налогом
account-link-details = Промените број телефона или језик
account-link-password = Промените лозинку
account-link-email = Промените адресу е-поште
account-link-sessions = Активне сесије и недавне пријаве
status-pending-email = Чека се потврда адресе е-поште
status-pending-email-body = Отворите линк који смо послали на Вашу адресу е-поште.
status-awaiting-verification = Чека проверу
status-awaiting-verification-body = Овлашћено лице проверава Ваш идентификациони документ у року од 24 сата. Обавестићемо Вас е-поштом када Ваш налог буде активан. До тада услуге нису доступне.
status-active = Активан
status-active-body = Ваш налог је проверен. Можете да користите услуге.
status-rejected = Потребна је исправка
status-rejected-body = Овлашћено лице није могло да провери Ваш налог. Исправите своје податке или приложите нови документ; не морате поново да се региструјете.
rejection-reason-label = Разлог
rejection-note-label = Напомена овлашћеног лица
rejection-reason-unreadable-document = Документ није читљив
rejection-reason-data-mismatch = Подаци се не слажу са документом
rejection-reason-expired-document = Документу је истекао рок важења
rejection-reason-missing-page = Недостаје страна документа
rejection-reason-wrong-document = Датотека није идентификациони документ
rejection-reason-other = Други разлог
notice-details-saved = Ваши подаци су сачувани.
notice-password-changed = Ваша лозинка је промењена. Остале сесије су прекинуте.
notice-email-change-sent = Послали смо линк на нову адресу. Промена ступа на снагу када отворите линк.
notice-session-ended = Сесија је прекинута.
details-title = Промените број телефона или језик
details-intro = Ваше име, датум рођења, држављанство и документ проверило је овлашћено лице и овде не могу да се мењају.
password-change-title = Промените лозинку
password-change-intro = Овде ћете остати пријављени; све остале сесије биће прекинуте.
password-change-submit = Промените лозинку
email-change-title = Промените адресу е-поште
email-change-intro = Послаћемо линк на нову адресу. Ваша адреса се мења када отворите линк.
email-change-submit = Пошаљите линк
email-confirm-title = Потврдите нову адресу е-поште
email-confirm-body = Притисните дугме да бисте ову адресу користили за свој налог.
email-changed-title = Ваша адреса е-поште је промењена
email-changed-body = Од сада се пријављујте новом адресом.
email-taken-title = Ова адреса се већ користи
email-taken-body = Други налог користи ову адресу е-поште, па промена није могућа.
sessions-title = Активне сесије и недавне пријаве
sessions-active-heading = Активне сесије
sessions-col-started = Пријава
sessions-col-last = Последња активност
sessions-col-from = Са адресе
sessions-col-browser = Прегледач
sessions-col-action = Радња
sessions-this-one = Ова сесија
sessions-end = Прекините сесију
sessions-signins-heading = Недавни покушаји пријаве
sessions-col-when = Време
sessions-col-result = Исход
sign-in-succeeded = Успешно
sign-in-failed = Неуспешно
correct-title = Исправите своје податке
correct-intro = Исправите оно на шта је указало овлашћено лице. Када пошаљете образац, Ваш налог се враћа на проверу.
correct-intro-documents = Нове датотеке приложите само ако документ треба заменити; у супротном остају раније приложене датотеке.
correct-submit = Пошаљите на проверу
services-title = Услуге
services-intro = Ваш налог је активан.

## Овлашћена лица за проверу
queue-title = Налози који чекају проверу
queue-intro = Најстарији су први. Налоге треба проверити у року од 24 сата од потврде адресе е-поште.
queue-empty = Нема налога који чекају.
queue-count = { $n ->
    [one] { $n } налог чека
    [few] { $n } налога чекају
   *[other] { $n } налога чека
}
queue-col-name = Име и презиме
queue-col-citizenship = Држављанство
queue-col-waiting = Чека
queue-col-state = Рок
queue-overdue = Рок је прошао
queue-on-time = У року од 24 сата
queue-waiting-hours = { $n ->
    [one] { $n } сат
    [few] { $n } сата
   *[other] { $n } сати
}
queue-waiting-minutes = { $n ->
    [one] { $n } минут
    [few] { $n } минута
   *[other] { $n } минута
}
case-title = Провера налога
case-back = Назад на ред за проверу
case-data-heading = Унети подаци
case-documents-heading = Приложени документи
case-document-alt = Приложени документ
case-open-document = Отворите
case-decision-heading = Одлука
case-approve = Одобрите и активирајте налог
case-reject = Одбијте
case-already-decided = О овом налогу је већ одлучено.

## Поштанско сандуче за развој
devmail-title = Поштанско сандуче за развој
devmail-intro = Када нема SMTP сервера, поруке е-поште чувају се овде (само у демо режиму).
devmail-to = Прима:

## Поруке е-поште
mail-footer = eForeigner – портал електронске управе за стране држављане. Ова порука је послата аутоматски; молимо Вас да на њу не одговарате.
mail-confirm-email-subject = Потврдите адресу е-поште
mail-confirm-email-body = Добар дан, { $name },

    хвала што сте се регистровали на порталу eForeigner. Отворите овај линк да бисте потврдили адресу е-поште (важи 24 сата):

    { $link }

    Након тога овлашћено лице проверава Ваш идентификациони документ у року од 24 сата.
    Ако се нисте регистровали, занемарите ову поруку.
mail-already-registered-subject = Неко је покушао да се региструје са Вашом адресом
mail-already-registered-body = Неко је покушао да направи налог на порталу eForeigner са овом адресом е-поште, а за њу налог већ постоји.

    Ако сте то били Ви и заборавили сте лозинку, овде поставите нову:

    { $link }

    Ако то нисте били Ви, не морате ништа да предузимате.
mail-account-locked-subject = Ваша лозинка је закључана
mail-account-locked-body = После превише неуспешних покушаја пријаве, лозинка Вашег налога на порталу eForeigner је закључана.

    Поставите нову лозинку да бисте откључали налог:

    { $link }
mail-reset-password-subject = Поставите нову лозинку
mail-reset-password-body = Неко је затражио постављање нове лозинке за Ваш налог на порталу eForeigner. Отворите овај линк у року од сат времена:

    { $link }

    Ако то нисте били Ви, занемарите ову поруку; Ваша лозинка остаје иста.
mail-password-changed-subject = Ваша лозинка је промењена
mail-password-changed-body = Лозинка Вашег налога на порталу eForeigner управо је промењена, а остале сесије су прекинуте.

    Ако то нисте урадили Ви, одмах поставите нову лозинку преко опције „Заборавили сте лозинку?“.
mail-confirm-new-email-subject = Потврдите нову адресу е-поште
mail-confirm-new-email-body = Отворите овај линк да бисте ову адресу користили за свој налог на порталу eForeigner (важи 24 сата):

    { $link }
mail-email-change-requested-subject = Мења се Ваша адреса е-поште
mail-email-change-requested-body = Неко је затражио промену адресе е-поште Вашег налога на порталу eForeigner. Адреса се мења тек када се отвори линк послат на нову адресу.

    Ако то нисте били Ви, одмах промените лозинку.
mail-email-changed-subject = Ваша адреса е-поште је промењена
mail-email-changed-body = Адреса е-поште Вашег налога на порталу eForeigner је промењена. Од сада поруке стижу на нову адресу.

    Ако то нисте урадили Ви, одмах се обратите подршци.
mail-account-activated-subject = Ваш налог је активан
mail-account-activated-body = Добар дан, { $name },

    овлашћено лице је проверило Ваш документ. Ваш налог на порталу eForeigner сада је активан и можете да користите услуге:

    { $link }
mail-account-rejected-subject = Ваш налог треба исправити
mail-account-rejected-body = Овлашћено лице није могло да провери Ваш налог на порталу eForeigner.

    Разлог: { $reason }
    Напомена: { $note }

    Пријавите се да бисте исправили своје податке или приложили нови документ; не морате поново да се региструјете:

    { $link }
error-municipality-invalid = Унесите троцифрени код општине у Србији.
nav-residence = Водичи за боравак
home-tools-title = Пре него што поднесете захтев
home-tools-body = Проверите, без налога, да ли можете да поднесете захтев електронски, која документа су Вам потребна и колико кошта:

## Lists shown a page at a time
pagination-label = Странице
pagination-previous = Претходна страница
pagination-next = Следећа страница
pagination-page = Страница { $n }
pagination-empty = На овој страници нема ничега.
pagination-first = Идите на прву страницу
error-too-many-requests = Превише захтева са Ваше везе. Покушајте поново за { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунде
       *[other] { $seconds } секунди
    }.
register-sent-to = Линк смо послали на { $email }. Ако ова адреса није тачна, региструјте се поново са исправном.
error-required-named = Попуните поље „{ $label }“.
error-choose-one-named = Изаберите одговор за „{ $label }“.
error-required-given-names = Унесите своје име.
error-required-surname = Унесите своје презиме.
error-required-date-of-birth = Унесите датум рођења.
error-choose-one-sex = Изаберите пол.
error-required-citizenship = Изаберите држављанство.
error-choose-one-has-ebs = Изаберите да ли имате евиденцијски број странца.
error-choose-one-id-doc-type = Изаберите врсту документа.
error-required-id-doc-number = Унесите број документа.
error-required-id-doc-expiry = Унесите датум истека документа.
error-required-email = Унесите адресу е-поште.
error-required-password = Унесите лозинку.
error-required-current-password = Унесите тренутну лозинку.
error-required-new-password = Унесите нову лозинку.
error-required-new-email = Унесите нову адресу е-поште.
error-required-note = Упишите напомену.
notice-corrected = Исправљени подаци и документи су послати. Службеник ће их проверити у року од 24 сата.
notice-account-approved = Налог је одобрен. Власник је обавештен е-поштом.
notice-account-rejected = Налог је одбијен уз наведени разлог. Власник је обавештен е-поштом и може да исправи податке.
