## Електронски захтев за привремени боравак, еСандуче, провера, уплате.

nav-applications = Моји захтеви
nav-mailbox = еСандуче
nav-payments = Уплате

## Моји захтеви
apps-title = Моји захтеви
apps-start = Започните нови захтев
apps-none = Још немате ниједан захтев.
apps-back = Назад на Моје захтеве
apps-col-reference = Број предмета
apps-col-kind = Врста
apps-col-ground = Основ
apps-col-status = Статус
apps-col-started = Започет
apps-col-deadline = Рок
app-draft-reference = Нацрт
app-draft-deleted-on = Биће обрисан { $date } ако не наставите
app-kind-first = Прва дозвола за привремени боравак
app-kind-extension = Продужење моје дозволе за привремени боравак

## Статуси речима портала и шта значе
app-status-draft = Нацрт
app-status-awaiting-payment = Чека уплату
app-status-submitted = Захтев поднет
app-status-processing = Захтев у обради
app-status-updating = Допуна захтева
app-status-resending = Слање података у току
app-status-approved = Захтев одобрен
app-status-rejected = Захтев одбијен
app-status-biometrics-scheduled = Биометрија заказана
app-status-card-in-production = Картица у изради
app-status-card-ready = Картица спремна за преузимање
app-status-card-issued = Картица издата
app-status-withdrawn = Повучен
app-next-draft = Попуните шест корака, проверите одговоре и поднесите захтев.
app-next-awaiting-payment = Платите таксу уплатницом у наставку. Када уплата буде потврђена, захтев се сматра примљеним, а потврда о пријему стиже у Ваше еСандуче. То обично траје 1 до 3 радна дана од уплате.
app-next-submitted = Ваш захтев је примљен. Потврда о пријему у Вашем еСандучету је доказ да законито боравите у Србији док се захтев обрађује: чувајте је уз пасош. Инспектор ће отворити Ваш предмет; сада не морате ништа да радите.
app-next-processing = Инспектор обрађује Ваш захтев. Ако буде потребно још нешто, обавештење ћете добити у еСандуче.
app-next-updating = Инспектору су потребна додатна документа или исправке. Прочитајте допис у свом еСандучету и пошаљите их пре истека рока.
app-next-resending = Ваше исправке су послате. Не морате поново да плаћате.
app-next-approved = Ваш захтев је одобрен. Позив за узимање биометријских података налази се у Вашем еСандучету.
app-next-rejected = Ваш захтев је одбијен. У решењу у Вашем еСандучету наведени су разлози и како можете да изјавите жалбу.
app-next-biometrics-scheduled = Дођите у заказано време са пасошем и потврдама о уплати такси.
app-next-card-in-production = Ваша картица се израђује. Обавестићемо Вас када буде спремна.
app-next-card-ready = Картицу преузмите лично у полицијској управи.
app-next-card-issued = Ваша картица је издата.
app-next-withdrawn = Повукли сте овај захтев.

## Почетак
start-title = Поднесите захтев за привремени боравак
start-intro = Изаберите за шта подносите захтев. Одговоре можете да сачувате и да се вратите у било ком тренутку у року од 30 дана.
start-submit = Започните
minor-title = Овај захтев се подноси лично
minor-in-person = Захтев за малолетно лице подносе родитељи или законски заступници лично, у полицијској управи, у одсеку за странце према месту боравка детета. Понесите пасош детета, извод из матичне књиге рођених и документа за основ боравка.
extension-needs-ebs-title = Прво повежите број своје дозволе за боравак
extension-needs-ebs-body = За продужење Ваш налог мора да буде повезан са евиденцијским бројем странца (EBS) из Ваше тренутне дозволе. Без њега би се захтев сматрао првим захтевом.
extension-needs-ebs-first = Број можете да повежете сада или да уместо тога поднесете први захтев.
extension-link-ebs = Повежите број своје дозволе
extension-apply-as-first = Поднесите као први захтев
ebs-title = Повежите број своје дозволе за боравак
ebs-intro = Унесите евиденцијски број странца (EBS) од 13 цифара, одштампан на Вашој тренутној дозволи за боравак. Инспектор га упоређује са Вашом дозволом.
ebs-submit = Сачувајте и наставите

## Списак корака
tasks-title = Ваш захтев
tasks-progress-before = Завршени кораци:
tasks-review = Проверите одговоре и поднесите захтев
tasks-review-later = Када завршите свих шест корака, моћи ћете да проверите одговоре и поднесете захтев.
tasks-kept-until = Овај нацрт се чува до
tasks-delete = Обришите овај нацрт
task-not-started = Није започето
task-in-progress = У току
task-completed = Завршено
task-cannot-start-yet = Још не може да се започне
task-problem = Постоји проблем
guidance-title = Шта правила кажу за Вас
guidance-extension-window = Захтев за продужење можете да поднесете од { $from } до { $to }.
extension-deadline-title = Последњи дан за Ваше продужење
extension-paid-submit-by = Уплата таксе је већ потврђена, па се захтев сматра поднетим оног дана када притиснете Поднеси. Ваша садашња дозвола истиче { $latest_submission }: поднесите захтев најкасније тог дана.
step-check-title = Провера
step-personal-title = Лични подаци
step-reasons-title = Разлози боравка
step-details-title = Детаљи разлога
step-documents-title = Документација
step-fees-title = Таксе и плаћање
step-counter = Корак { $n } од { $total }
step-back-to-tasks = Назад на Ваш захтев
step-save-continue = Сачувајте и наставите
step-save-later = Сачувајте и вратите се касније
step-conflict-title = Овај захтев је измењен у другом прозору
step-conflict-body = Неко је сачувао овај корак у другој картици или на другом уређају пошто сте га отворили. Ваши одговори у наставку још нису сачувани. Проверите их и изаберите „Сачувајте и наставите“ да бисте њима заменили новију верзију.
step-restored = Ваша сесија је истекла пре него што смо сачували овај корак. Задржали смо оно што сте унели: проверите и сачувајте.
reasons-single-permit-note = За запошљавање на основу уговора о раду и друге разлоге за које се издаје јединствена дозвола захтев може да се поднесе само електронски. За остале основе захтев можете да поднесете и лично у полицијској управи.
reasons-online-only = Основ који сте изабрали води до јединствене дозволе (боравак и рад): захтев се подноси само електронски.
reasons-in-person-too = За основ који сте изабрали захтев можете поднети и лично, у полицијској управи за странце; електронски је обично брже.
reasons-d-visa-basis = Ваша виза Д издата је по основу { $basis }: изаберите разлог у оквиру тог основа. Ималац визе Д може да поднесе захтев само по основу по коме је виза издата.
error-d-visa-basis-required = Изаберите основ по коме је издата Ваша виза Д.
hint-period-longest = Оставите празно за најдужи период који правила дозвољавају: од { $from } до { $until }.

## Поља корака
field-location = Где се сада налазите?
location-in-serbia = У Србији
location-abroad = У иностранству
field-last-entry = Датум Вашег последњег уласка у Србију
hint-last-entry = На пример 1. октобар 2026. Потребно ако сте у Србији.
hint-has-d-visa = Држављанима неких држава (на пример Казахстана, Узбекистана и Таџикистана) потребна је виза Д пре подношења захтева.
field-current-permit-expiry = Датум истека Ваше тренутне дозволе
hint-current-permit-expiry = Последњи дан важења Ваше тренутне дозволе за привремени боравак.
field-birth-place = Место и држава рођења
field-father-name = Име оца
field-mother-name = Име мајке
field-education = Образовање
education-none = Без формалног образовања
education-primary = Основна школа
education-secondary = Средња школа
education-bachelor = Факултет – основне студије
education-master = Факултет – мастер студије
education-doctorate = Докторат
field-new-passport = Да ли имате нови пасош од када је издата Ваша тренутна дозвола?
field-passport-number = Број пасоша
field-passport-country = Држава која је издала пасош
field-passport-issued = Датум издавања
field-passport-expiry = Датум истека
hint-passport-expiry = Пасош мора да важи најмање 3 месеца дуже од периода за који подносите захтев.
field-ground = Основ боравка
field-residence-municipality = Општина пребивалишта
hint-residence-municipality = Општина ваше адресе у Србији. Од ње зависе ваша полицијска управа и позив на број за таксу.
field-payment-note = Шта сте проверили (чува се уз евиденцију уплате)
field-street = Улица
field-house-number = Кућни број и број стана
field-postcode = Поштански број
field-payment-method = Како ћете платити?
payment-method-slip = Уплатницом (у банци, пошти или мењачници, или апликацијом Ваше банке скенирањем QR кода)
payment-card-later = Плаћање картицом биће омогућено касније.

## Документација
docs-intro = Приложите сваки документ у формату PDF, JPEG или PNG, највише 5 MB по датотеци, са различитим називима датотека. За један документ можете да приложите више датотека.
docs-choose = Изаберите датотеке
docs-upload = Приложите
docs-progress = Напредак прилагања
doc-other-documents = Остала пратећа документа

## Таксе
fees-due-caption = Таксе за овај захтев
fees-col-item = Такса
fees-due-now = За уплату сада:

## Провера одговора
review-title = Проверите одговоре пре подношења
review-change = Измените
review-amount = Износ за уплату
review-reference = Модел и позив на број
review-declaration-title = Изјава
review-declaration = Изјављујем да су наведени подаци тачни и потпуни и да су приложена документа веродостојна.
review-submit = Поднесите захтев
review-not-ready = Неки кораци још нису завршени. Вратите се на свој захтев и завршите их.

## Предмет
submitted-title = Захтев поднет
submitted-reference = Број Вашег предмета
app-case-title = Захтев
case-locked = Овај захтев је поднет и више се не може мењати. Измена коју сте управо послали није сачувана.
error-application-not-found-title = Није пронађено међу вашим захтевима
error-application-not-found-body = Оно на шта ова адреса упућује није међу вашим захтевима. Нацрт или датотека који су обрисани (у другом прозору, или нацрт после 30 дана без измена) више не постоје и у њих се више ништа не може сачувати.
case-status = Статус
case-deadline = Рок
case-details = Детаљи
case-mailbox-link = Идите у своје еСандуче
case-history = Ток предмета
history-when = Када
history-what = Шта се десило
history-status = Статус
history-why = Разлог
case-submitted-at = Поднет
case-paid-at = Такса плаћена
case-not-paid = Још није потврђено
case-files = Приложене датотеке
event-started = Захтев започет
event-submitted = Захтев поднет; чека се уплата
event-submitted-paid = Захтев поднет, такса је већ плаћена
event-payment-confirmed = Уплата потврђена; захтев примљен
event-payment-received = Уплата примљена
event-receipt-delivered = Потврда о пријему достављена у еСандуче
why-bank-statement = Извод из банке
why-supervisor = Потврдило надређено лице
delete-title = Да ли желите да обришете овај нацрт?
delete-body = Ваши одговори и приложене датотеке биће обрисани. Ово не може да се поништи.
delete-confirm = Да, обришите нацрт
delete-cancel = Не, вратите се назад

## еСандуче
mailbox-title = еСандуче
mailbox-intro = Службена документа упућена Вама. Остају овде; ништа не може да се обрише.
mailbox-empty = Ваше еСандуче је празно.
mailbox-unread-count = { $n ->
    [one] { $n } непрочитан документ
    [few] { $n } непрочитана документа
   *[other] { $n } непрочитаних докумената
}
mailbox-col-document = Документ
mailbox-reference = Број предмета
mailbox-delivered = Достављено
mailbox-opened = Први пут отворено
mailbox-size = Величина
mailbox-unread = Ново
mailbox-back = Назад на еСандуче
mailbox-download = Преузмите PDF
mailbox-case-link = Погледајте захтев
mailbox-kept = Ништа овде не може да се обрише. Датум када сте документ први пут отворили бележи се као датум пријема.
mailbox-kind-receipt = Потврда о пријему захтева

## Провера
verify-title = Проверите потврду о пријему
verify-intro = Унесите код одштампан испод QR кода на потврди о пријему захтева да бисте проверили да ли је веродостојна.
field-code = Код за проверу
hint-code = 12 слова и цифара, на пример 7KQ4-M2XD-9PHT.
verify-submit = Проверите
verify-genuine = Ова потврда је веродостојна
verify-state = Стање захтева
verify-pending = Примљен, у обради (подносилац може да борави у Србији док се не донесе одлука)

## Уплате (за службенике)
payments-title = Уплате које чекају потврду
payments-intro = Захтеви за које такса још није потврђена. Изводи из банке аутоматски потврђују уплате; овде потврдите уплату само ако сте је видели.
payments-none = Ниједан захтев не чека уплату.
payments-confirm = Потврдите уплату

## Потврда о пријему захтева (PDF)
receipt-issuer = Република Србија · Министарство унутрашњих послова · портал eForeigner
receipt-title = Потврда о пријему захтева
receipt-reference = Број предмета
receipt-received = Примљено
receipt-applicant = Подносилац захтева
receipt-passport = Пасош
receipt-kind = Врста захтева
receipt-basis = Основ
receipt-period = Тражени период
receipt-period-longest = Најдужи период који правила дозвољавају
receipt-documents = Приложена документа
receipt-verify = Проверите да ли је ова потврда веродостојна: скенирајте код или отворите адресу и унесите код.
receipt-code = Код за проверу
receipt-note = Ова потврда доказује да је захтев за привремени боравак примљен. Чувајте је уз пасош док се захтев обрађује и покажите је на граници ако се то од Вас затражи. Она није дозвола за боравак.
receipt-page = Страна {"{"}n{"}"} од {"{"}total{"}"}

## Е-поруке (без личних података)
mail-document-waiting-subject = У Вашем еСандучету је нови документ
mail-document-waiting-body = У Вашем еСандучету на порталу eForeigner чека Вас нови службени документ. Пријавите се да бисте га прочитали:
    { $link }
mail-draft-expiring-subject = Нацрт Вашег захтева ускоро ће бити обрисан
mail-draft-expiring-body = Нацрт Вашег захтева за привремени боравак биће обрисан { $date } ако га не наставите. Наставите овде:
    { $link }

## Грешке
error-date-in-future = Датум не може да буде у будућности.
error-date-of-birth-missing = У Вашем налогу недостаје датум рођења. Унесите га у кораку „Лични подаци“.
error-passport-expired = Пасош је истекао. Унесите важећи пасош.
error-expiry-before-issue = Датум истека мора да буде после датума издавања.
error-postcode-invalid = Унесите поштански број од 5 цифара или оставите поље празно.
error-document-missing = Отпремите бар једну датотеку за: { $document }.
error-documents-not-confirmed = Изаберите „Сачувајте и наставите“ када приложите документа.
error-file-none-chosen = Изаберите најмање једну датотеку коју желите да приложите.
error-file-quota = Број датотека у захтеву може да буде највише { $files }, а њихова укупна величина највише { $mb } MB.
error-declaration-required = Потврдите изјаву да бисте поднели захтев.
error-steps-incomplete = Неки кораци нису завршени.
error-changed-meanwhile = Захтев је измењен у другом прозору. Поново проверите одговоре и поднесите захтев.
error-verify-not-found = Ниједна потврда нема овај код. Проверите да ли сте код исправно унели.

## Детаљи разлога (поља дефинисана у датотеци details.json пакета са правилима)
field-accreditation-number = Број акредитације
field-business-address = Адреса седишта привредног субјекта
field-business-name = Назив привредног субјекта (како је регистрован у АПР-у)
field-business-pib = Порески идентификациони број (ПИБ) привредног субјекта
field-business-register-number = Матични број (МБ) привредног субјекта
field-cadastral-municipality = Катастарска општина
field-cadastral-parcel = Број катастарске парцеле
field-client-mb = Матични број (МБ) наручиоца
field-client-name = Назив наручиоца
field-client-pib = Порески идентификациони број (ПИБ) наручиоца
field-company-mb = Матични број (МБ) привредног друштва
field-company-name = Назив привредног друштва
field-contract-end = Датум истека уговора
hint-contract-end = Потребно за уговор на одређено време. Дозвола не може да траје дуже од уговора.
field-contract-type = Врста уговора о раду
option-contract-type-fixed-term = На одређено време
option-contract-type-indefinite = На неодређено време
field-employer-mb = Матични број (МБ) послодавца
hint-employer-mb = 8 цифара, како је регистрован у Агенцији за привредне регистре (АПР).
field-employer-name = Назив послодавца
field-employer-pib = Порески идентификациони број (ПИБ) послодавца
hint-employer-pib = 9 цифара.
field-explanation = Шта још инспектор треба да зна
hint-explanation = Није обавезно. Највише 2000 знакова.
field-family-member-id = ЈМБГ или евиденцијски број странца (EBS) члана породице
hint-family-member-id = 13 цифара: ЈМБГ држављанина Србије или EBS странца.
field-family-member-name = Име и презиме члана породице
field-family-member-permit = Дозвола за боравак члана породице (врста и број)
field-field-of-talent = Област Вашег талента (наука, уметност, култура, спорт…)
field-health-institution = Здравствена установа
field-host-organisation-mb = Матични број (МБ) организације домаћина
field-host-organisation-name = Назив организације домаћина
field-institution-name = Назив школе или високошколске установе
field-job-title = Назив радног места
field-media-outlet = Медиј
field-production-company-name = Продукцијска кућа
field-production-title = Назив продукције
field-profession = Занимање
field-project-end = Датум завршетка пројекта
field-project-name = Назив пројекта
field-property-address = Адреса непокретности
field-property-register-number = Број листа непокретности
field-recognition = Награде и признања
field-relationship = Ваш однос са чланом породице
option-relationship-spouse = Супружник
option-relationship-partner = Ванбрачни партнер
option-relationship-child = Дете
option-relationship-parent = Родитељ
option-relationship-other = Други сродник
field-religious-organisation = Црква или верска заједница
field-state-authority = Државни орган
field-studies-end = Очекивани завршетак студија
hint-studies-end = Дозвола не може да траје дуже од Ваших студија.
field-study-programme = Студијски програм
field-treatment-end = Очекивани завршетак лечења
error-date-not-future = Датум мора да буде после данашњег дана.
mailbox-not-opened = Још није отворено
mailbox-open-explain = Отварањем документа бележе се датум и време када сте га примили (потврда о пријему). Затим можете да га прочитате и преузмете.
mailbox-open = Отворите документ
verify-holder-initials = Иницијали подносиоца
verify-holder-born = Година рођења
verify-passport-ends = Број пасоша се завршава на
payments-lines-title = Ставке уплата које траже пажњу
payments-lines-intro = Ставке банкарских извода које нису прихваћене: износ се не слаже са таксом или ниједан захтев нема тај позив на број. Остају овде и пријављују се при сваком увозу док их не решите.
payments-lines-none = Ниједна ставка уплате не тражи пажњу.
payments-col-paid-on = Датум уплате
payments-col-payer = Уплатилац
payments-col-problem = Проблем
payments-resolve = Означи као решено
payments-problem-amount-mismatch = Износ се не слаже са таксом захтева
payments-problem-unknown-reference = Ниједан захтев нема овај позив на број
field-resolution-note = Како је решено (чува се уз евиденцију уплате)
notice-payment-confirmed = Уплата је потврђена. Подносилац добија потврду о пријему у е-Сандуче.
notice-payment-line-resolved = Ставка уплате је означена као решена.
notice-draft-deleted = Нацрт је обрисан, заједно са датотекама.
notice-saved-for-later = Ваши одговори су сачувани. Можете се вратити овом захтеву било када у наредних 30 дана.
notice-files-uploaded = Датотеке су отпремљене.
notice-slip-ready = Ваш налог за уплату је испод, са позивом на број овог захтева. Платите по њему, па наставите.
notice-document-opened = Документ је отворен. Датум и време пријема су забележени.
docs-file-hint = PDF, JPEG или PNG, највише 5 MB по датотеци. Можете изабрати више датотека; њихови називи морају да се разликују у оквиру овог документа.
receipt-period-from-to = Од { $from } до { $until }
