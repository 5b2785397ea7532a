## Онлайн-заявление на временное пребывание, е-Сандуче, проверка, платежи.

nav-applications = Мои заявления
nav-mailbox = е-Сандуче
nav-payments = Платежи

## Мои заявления
apps-title = Мои заявления
apps-start = Начать новое заявление
apps-none = У вас пока нет заявлений.
apps-back = Вернуться к моим заявлениям
apps-col-reference = Номер дела
apps-col-kind = Тип
apps-col-ground = Основание
apps-col-status = Статус
apps-col-started = Начато
apps-col-deadline = Срок
app-draft-reference = Черновик
app-draft-deleted-on = Будет удалён { $date }, если вы не продолжите
app-kind-first = Первичное разрешение на временное пребывание
app-kind-extension = Продление моего разрешения на временное пребывание

## Статусы так, как их называет портал, и что они означают
app-status-draft = Черновик
app-status-awaiting-payment = Ожидает оплаты
app-status-submitted = Заявление подано
app-status-processing = Заявление рассматривается
app-status-updating = Дополнение заявления
app-status-resending = Идёт отправка данных
app-status-approved = Заявление одобрено
app-status-rejected = Заявление отклонено
app-status-biometrics-scheduled = Сдача биометрии назначена
app-status-card-in-production = Карта изготавливается
app-status-card-ready = Карта готова к выдаче
app-status-card-issued = Карта выдана
app-status-withdrawn = Отозвано
app-next-draft = Заполните все шесть шагов, проверьте ответы и подайте заявление.
app-next-awaiting-payment = Оплатите пошлину по платёжному поручению (uplatnica) ниже. Когда оплата будет подтверждена, заявление считается принятым, а подтверждение о приёме придёт в ваше е-Сандуче. Обычно это занимает от 1 до 3 рабочих дней после оплаты.
app-next-submitted = Ваше заявление принято. Подтверждение о приёме в вашем е-Сандуче — это доказательство законности вашего пребывания, пока заявление рассматривается: храните его вместе с паспортом. Инспектор откроет ваше дело; сейчас ничего делать не нужно.
app-next-processing = Инспектор рассматривает ваше заявление. Если что-то потребуется, вы получите сообщение в е-Сандуче.
app-next-updating = Инспектору нужны дополнительные документы или исправления. Прочитайте письмо в вашем е-Сандуче и отправьте их до окончания срока.
app-next-resending = Ваши исправления отправлены. Платить повторно не нужно.
app-next-approved = Ваше заявление одобрено. Приглашение на сдачу биометрии находится в вашем е-Сандуче.
app-next-rejected = Ваше заявление отклонено. В решении в вашем е-Сандуче указаны причины и порядок обжалования.
app-next-biometrics-scheduled = Приходите в назначенное время с паспортом и квитанциями об оплате пошлин.
app-next-card-in-production = Ваша карта изготавливается. Мы сообщим вам, когда она будет готова.
app-next-card-ready = Получите карту лично в полицейском управлении.
app-next-card-issued = Ваша карта выдана.
app-next-withdrawn = Вы отозвали это заявление.

## Начало
start-title = Подать заявление на временное пребывание
start-intro = Выберите, на что вы подаёте заявление. Вы можете сохранить ответы и вернуться к ним в любое время в течение 30 дней.
start-submit = Начать
minor-title = Это заявление подаётся только лично
minor-in-person = Заявление за несовершеннолетнего подают родители или законные представители лично в полицейском управлении, в отделе по делам иностранцев по месту проживания ребёнка. Возьмите с собой паспорт ребёнка, свидетельство о рождении и документы, подтверждающие основание для пребывания.
extension-needs-ebs-title = Сначала привяжите номер вашего разрешения на пребывание
extension-needs-ebs-body = Для продления ваша учётная запись должна быть привязана к регистрационному номеру иностранца (EBS) из вашего текущего разрешения. Без него заявление будет рассматриваться как первичное.
extension-needs-ebs-first = Вы можете привязать номер сейчас или вместо этого подать первичное заявление.
extension-link-ebs = Привязать номер моего разрешения
extension-apply-as-first = Подать как первичное заявление
ebs-title = Привяжите номер вашего разрешения на пребывание
ebs-intro = Введите 13-значный регистрационный номер иностранца (EBS), напечатанный на вашем текущем разрешении на пребывание. Инспектор сверит его с вашим разрешением.
ebs-submit = Сохранить и продолжить

## Список шагов
tasks-title = Ваше заявление
tasks-progress-before = Выполнено шагов:
tasks-review = Проверить ответы и подать заявление
tasks-review-later = Когда все шесть шагов будут выполнены, вы сможете проверить ответы и подать заявление.
tasks-kept-until = Этот черновик хранится до
tasks-delete = Удалить этот черновик
task-not-started = Не начато
task-in-progress = В процессе
task-completed = Выполнено
task-cannot-start-yet = Пока недоступно
task-problem = Есть проблема
guidance-title = Что правила говорят в вашем случае
guidance-extension-window = Заявление на продление можно подать с { $from } по { $to }.
step-check-title = Проверка
step-personal-title = Личные данные
step-reasons-title = Основания для пребывания
step-details-title = Подробности оснований
step-documents-title = Документы
step-fees-title = Пошлины и оплата
step-counter = Шаг { $n } из { $total }
step-back-to-tasks = Вернуться к заявлению
step-save-continue = Сохранить и продолжить
step-save-later = Сохранить и вернуться позже
step-conflict-title = Это заявление изменили в другом окне
step-conflict-body = Кто-то сохранил этот шаг в другой вкладке или на другом устройстве после того, как вы его открыли. Ваши ответы ниже ещё не сохранены. Проверьте их и нажмите «Сохранить и продолжить», чтобы записать их поверх более новой версии.
step-restored = Ваш сеанс завершился до того, как мы успели сохранить этот шаг. Мы сохранили то, что вы ввели: проверьте и сохраните.
reasons-single-permit-note = Заявление по основанию «трудоустройство по трудовому договору» и по другим причинам, по которым выдаётся единое разрешение, можно подать только онлайн. По остальным основаниям заявление можно подать и лично в полицейском управлении.
reasons-online-only = Выбранное вами основание ведёт к единому разрешению (проживание и работа): заявление подаётся только онлайн.
reasons-in-person-too = По выбранному вами основанию заявление можно подать и лично, в отделе полиции по делам иностранцев; онлайн обычно быстрее.
hint-period-longest = Оставьте поле пустым, чтобы запросить самый долгий срок, допустимый правилами: с { $from } по { $until }.

## Поля шагов
field-location = Где вы сейчас находитесь?
location-in-serbia = В Сербии
location-abroad = За границей
field-last-entry = Дата вашего последнего въезда в Сербию
hint-last-entry = Например, 1 октября 2026 г. Нужно, если вы находитесь в Сербии.
hint-has-d-visa = Гражданам некоторых стран (например, Казахстана, Узбекистана и Таджикистана) перед подачей заявления нужна виза типа D.
field-current-permit-expiry = Дата окончания срока действия вашего текущего разрешения
hint-current-permit-expiry = Последний день действия вашего текущего разрешения на временное пребывание.
field-birth-place = Место и страна рождения
field-father-name = Имя отца
field-mother-name = Имя матери
field-education = Образование
education-none = Нет формального образования
education-primary = Основная школа
education-secondary = Средняя школа
education-bachelor = Высшее – бакалавриат
education-master = Высшее – магистратура
education-doctorate = Докторантура
field-new-passport = Вы получили новый паспорт после выдачи текущего разрешения?
field-passport-number = Номер паспорта
field-passport-country = Страна, выдавшая паспорт
field-passport-issued = Дата выдачи
field-passport-expiry = Дата окончания срока действия
hint-passport-expiry = Паспорт должен быть действителен как минимум на 3 месяца дольше запрашиваемого срока.
field-ground = Основание для пребывания
field-residence-municipality = Община проживания
hint-residence-municipality = Община вашего адреса в Сербии. От неё зависят ваше отделение полиции и номер для ссылки (poziv na broj) при оплате пошлины.
field-payment-note = Что вы проверили (сохраняется вместе с записью о платеже)
field-street = Улица
field-house-number = Номер дома и квартиры
field-postcode = Почтовый индекс
field-payment-method = Как вы будете платить?
payment-method-slip = Платёжным поручением (uplatnica): в банке, на почте или в обменном пункте либо в приложении вашего банка, отсканировав QR-код
payment-card-later = Оплата банковской картой появится позже.

## Документы
docs-intro = Загрузите каждый документ в формате PDF, JPEG или PNG, не более 5 МБ на файл, с разными именами файлов. Для одного документа можно загрузить несколько файлов.
docs-choose = Выбрать файлы
docs-upload = Загрузить
docs-progress = Ход загрузки
doc-other-documents = Другие подтверждающие документы

## Пошлины
fees-due-caption = Пошлины по этому заявлению
fees-col-item = Пошлина
fees-due-now = К оплате сейчас:

## Проверка ответов
review-title = Проверьте ответы перед подачей
review-change = Изменить
review-amount = Сумма к оплате
review-reference = Модель и номер для ссылки (poziv na broj)
review-declaration-title = Декларация
review-declaration = Я подтверждаю, что указанные мной сведения достоверны и полны, а загруженные документы подлинны.
review-submit = Подать заявление
review-not-ready = Некоторые шаги ещё не выполнены. Вернитесь к заявлению и выполните их.

## Дело
submitted-title = Заявление подано
submitted-reference = Номер вашего дела
app-case-title = Заявление
case-locked = Это заявление уже подано, поэтому его больше нельзя изменить. Изменение, которое вы только что отправили, не сохранено.
error-application-not-found-title = Не найдено среди ваших заявлений
error-application-not-found-body = То, на что указывает этот адрес, не найдено среди ваших заявлений. Удалённый черновик или файл (в другом окне или черновик через 30 дней без изменений) больше не существует, и в него больше ничего нельзя сохранить.
case-status = Статус
case-deadline = Срок
case-details = Подробности
case-mailbox-link = Перейти в е-Сандуче
case-history = История
history-when = Когда
history-what = Что произошло
history-status = Статус
history-why = Причина
case-submitted-at = Подано
case-paid-at = Пошлина оплачена
case-not-paid = Ещё не подтверждено
case-files = Загруженные файлы
event-started = Заявление начато
event-submitted = Заявление подано; ожидается оплата
event-submitted-paid = Заявление подано, пошлина уже оплачена
event-payment-confirmed = Оплата подтверждена; заявление принято
event-payment-received = Оплата получена
event-receipt-delivered = Подтверждение о приёме доставлено в е-Сандуче
why-bank-statement = Банковская выписка
why-supervisor = Подтверждено руководителем
delete-title = Удалить этот черновик?
delete-body = Ваши ответы и загруженные файлы будут удалены. Это действие нельзя отменить.
delete-confirm = Да, удалить черновик
delete-cancel = Нет, вернуться

## е-Сандуче
mailbox-title = е-Сандуче
mailbox-intro = Официальные документы, адресованные вам. Они хранятся здесь; удалить ничего нельзя.
mailbox-empty = Ваше е-Сандуче пусто.
mailbox-unread-count = { $n ->
    [one] { $n } непрочитанный документ
    [few] { $n } непрочитанных документа
    [many] { $n } непрочитанных документов
   *[other] { $n } непрочитанного документа
}
mailbox-col-document = Документ
mailbox-reference = Номер дела
mailbox-delivered = Доставлено
mailbox-opened = Впервые открыто
mailbox-size = Размер
mailbox-unread = Новое
mailbox-back = Вернуться в е-Сандуче
mailbox-download = Скачать PDF
mailbox-case-link = Посмотреть заявление
mailbox-kept = Здесь ничего нельзя удалить. Дата первого открытия документа записывается как дата его получения.
mailbox-kind-receipt = Подтверждение о приёме заявления

## Проверка подлинности
verify-title = Проверка подтверждения о приёме
verify-intro = Введите код, напечатанный под QR-кодом на подтверждении о приёме заявления, чтобы проверить, подлинное ли оно.
field-code = Код проверки
hint-code = 12 букв и цифр, например 7KQ4-M2XD-9PHT.
verify-submit = Проверить
verify-genuine = Это подтверждение подлинное
verify-state = Состояние заявления
verify-pending = Принято, рассматривается (заявитель может находиться в Сербии до принятия решения)

## Платежи (для сотрудников)
payments-title = Платежи, ожидающие подтверждения
payments-intro = Заявления, по которым пошлина ещё не подтверждена. Банковские выписки подтверждают платежи автоматически; подтверждайте платёж здесь, только если вы сами его видели.
payments-none = Нет заявлений, ожидающих оплаты.
payments-confirm = Подтвердить оплату

## Подтверждение о приёме заявления (PDF)
receipt-issuer = Республика Сербия · Министерство внутренних дел · портал eForeigner
receipt-title = Подтверждение о приёме заявления
receipt-reference = Номер дела
receipt-received = Принято
receipt-applicant = Заявитель
receipt-passport = Паспорт
receipt-kind = Тип заявления
receipt-basis = Основание
receipt-period = Запрашиваемый срок
receipt-period-longest = Самый долгий срок, допустимый правилами
receipt-documents = Представленные документы
receipt-verify = Проверьте подлинность этого подтверждения: отсканируйте код или откройте адрес и введите код.
receipt-code = Код проверки
receipt-note = Это подтверждение доказывает, что заявление на временное пребывание принято. Храните его вместе с паспортом, пока заявление рассматривается, и предъявляйте на границе по требованию. Это не разрешение на пребывание.
receipt-page = Страница {"{"}n{"}"} из {"{"}total{"}"}

## Письма (без персональных данных)
mail-document-waiting-subject = В вашем е-Сандуче новый документ
mail-document-waiting-body = В вашем е-Сандуче на портале eForeigner вас ждёт новый официальный документ. Войдите, чтобы прочитать его:
    { $link }
mail-draft-expiring-subject = Ваш черновик заявления скоро будет удалён
mail-draft-expiring-body = Ваш черновик заявления на временное пребывание будет удалён { $date }, если вы не продолжите его заполнять. Продолжить можно здесь:
    { $link }

## Ошибки
error-date-in-future = Дата не может быть в будущем.
error-date-of-birth-missing = В вашей учётной записи не указана дата рождения. Укажите её на шаге «Личные данные».
error-passport-expired = Срок действия паспорта истёк. Укажите действующий паспорт.
error-expiry-before-issue = Дата окончания срока действия должна быть позже даты выдачи.
error-postcode-invalid = Введите почтовый индекс из 5 цифр или оставьте поле пустым.
error-document-missing = Загрузите хотя бы один файл для документа: { $document }.
error-documents-not-confirmed = Когда документы будут загружены, нажмите «Сохранить и продолжить».
error-file-none-chosen = Выберите хотя бы один файл для загрузки.
error-file-quota = Максимальное число файлов в одном заявлении — { $files }, их общий объём — не более { $mb } МБ.
error-declaration-required = Подтвердите декларацию, чтобы подать заявление.
error-steps-incomplete = Некоторые шаги не выполнены.
error-changed-meanwhile = Заявление изменили в другом окне. Проверьте ответы ещё раз и подайте заявление.
error-verify-not-found = Подтверждения с таким кодом нет. Проверьте, нет ли в коде опечаток.

## Подробности оснований (поля определены в файле details.json пакета с правилами)
field-accreditation-number = Номер аккредитации
field-business-address = Юридический адрес предприятия
field-business-name = Название предприятия (как оно зарегистрировано в APR)
field-business-pib = Налоговый идентификационный номер (PIB) предприятия
field-business-register-number = Регистрационный номер (MB) предприятия
field-cadastral-municipality = Кадастровая община
field-cadastral-parcel = Номер кадастрового участка
field-client-mb = Регистрационный номер (MB) заказчика
field-client-name = Название заказчика
field-client-pib = Налоговый идентификационный номер (PIB) заказчика
field-company-mb = Регистрационный номер (MB) компании
field-company-name = Название компании
field-contract-end = Дата окончания договора
hint-contract-end = Нужна для срочного договора. Разрешение не может действовать дольше договора.
field-contract-type = Вид трудового договора
option-contract-type-fixed-term = Срочный
option-contract-type-indefinite = Бессрочный (постоянный)
field-employer-mb = Регистрационный номер (MB) работодателя
hint-employer-mb = 8 цифр, как при регистрации в Агентстве хозяйственных регистров (APR).
field-employer-name = Название работодателя
field-employer-pib = Налоговый идентификационный номер (PIB) работодателя
hint-employer-pib = 9 цифр.
field-explanation = Что ещё следует знать инспектору
hint-explanation = Необязательно. Не более 2000 символов.
field-family-member-id = JMBG или регистрационный номер иностранца (EBS) члена семьи
hint-family-member-id = 13 цифр: JMBG гражданина Сербии или EBS иностранца.
field-family-member-name = Фамилия и имя члена семьи
field-family-member-permit = Разрешение на пребывание члена семьи (вид и номер)
field-field-of-talent = Область вашего таланта (наука, искусство, культура, спорт…)
field-health-institution = Медицинское учреждение
field-host-organisation-mb = Регистрационный номер (MB) принимающей организации
field-host-organisation-name = Название принимающей организации
field-institution-name = Название школы или вуза
field-job-title = Должность
field-media-outlet = СМИ
field-production-company-name = Продюсерская компания
field-production-title = Название постановки
field-profession = Профессия
field-project-end = Дата окончания проекта
field-project-name = Название проекта
field-property-address = Адрес недвижимости
field-property-register-number = Номер листа недвижимости (list nepokretnosti)
field-recognition = Награды и признание
field-relationship = Кем вам приходится член семьи
option-relationship-spouse = Супруг или супруга
option-relationship-partner = Партнёр в незарегистрированном браке
option-relationship-child = Ребёнок
option-relationship-parent = Родитель
option-relationship-other = Другой родственник
field-religious-organisation = Церковь или религиозная община
field-state-authority = Государственный орган
field-studies-end = Ожидаемая дата окончания учёбы
hint-studies-end = Разрешение не может действовать дольше вашей учёбы.
field-study-programme = Учебная программа
field-treatment-end = Ожидаемая дата окончания лечения
error-date-not-future = Дата должна быть позже сегодняшней.
mailbox-not-opened = Ещё не открыто
mailbox-open-explain = При открытии документа записываются дата и время его получения (подтверждение вручения). После этого его можно прочитать и скачать.
mailbox-open = Открыть документ
verify-holder-initials = Инициалы заявителя
verify-holder-born = Год рождения
verify-passport-ends = Номер паспорта оканчивается на
payments-lines-title = Платежи, требующие внимания
payments-lines-intro = Строки банковских выписок, которые не были приняты: сумма не совпадает с пошлиной или ни у одного заявления нет такого номера. Они остаются здесь и выводятся при каждом импорте, пока вы их не разрешите.
payments-lines-none = Нет платежей, требующих внимания.
payments-col-paid-on = Дата оплаты
payments-col-payer = Плательщик
payments-col-problem = Проблема
payments-resolve = Отметить как решённое
payments-problem-amount-mismatch = Сумма не совпадает с пошлиной по заявлению
payments-problem-unknown-reference = Ни у одного заявления нет такого номера
field-resolution-note = Как решено (сохраняется вместе с записью о платеже)
notice-payment-confirmed = Оплата подтверждена. Заявитель получит подтверждение о приёме в электронный почтовый ящик.
notice-payment-line-resolved = Платёж отмечен как решённый.
notice-draft-deleted = Черновик удалён вместе с файлами.
notice-saved-for-later = Ваши ответы сохранены. Вы можете вернуться к этому заявлению в любое время в течение 30 дней.
notice-files-uploaded = Файлы загружены.
notice-slip-ready = Ваша платёжная квитанция ниже, с номером именно этого заявления. Оплатите по ней и продолжайте.
notice-document-opened = Документ открыт. Дата и время его получения записаны.
docs-file-hint = PDF, JPEG или PNG, не более 5 МБ на файл. Можно выбрать несколько файлов; их имена в пределах этого документа должны различаться.
receipt-period-from-to = С { $from } по { $until }
