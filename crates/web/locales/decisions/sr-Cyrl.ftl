# После „Захтев у обради“: захтеви за допуну, одлуке и њихови дописи.

## Страница предмета (службеник)
casefile-lapsed = Рок за исправке подносиоца је истекао без одговора. Можете одлучити на основу списа какав јесте или поново затражити допуну.
casefile-deadline-text = Подносилац има рок до { $date } да пошаље исправке (преостало дана: { $days }).
casefile-proposal-heading = Предложено одбијање, чека се руководилац
casefile-proposal-at = Предложено
casefile-resume = Преузми исправке
casefile-confirm-rejection = Потврди одбијање
casefile-return-rejection = Врати предлог
casefile-approve-heading = Одобри захтев
casefile-approve-intro = Правила на данашњи дан дају овај период:
casefile-approve = Одобри захтев
casefile-update-heading = Затражи од подносиоца документе или исправке
casefile-update-message = Шта недостаје или није исправно
casefile-update-message-hint = Подносилац ово чита у допису. Наведите тачно шта треба послати или исправити.
casefile-update-scope = Шта подносилац сме да промени
casefile-update-steps = Кораци чији се одговори могу мењати:
casefile-update-items = Документи који се могу заменити или додати:
casefile-update-days = Број дана за одговор
casefile-update-days-hint = Обично 8 дана. Последњи дан се рачуна од данас.
casefile-update-send = Пошаљи захтев за допуну
casefile-reject-heading = Предложи одбијање
casefile-reject-intro = Одбијање ступа на снагу тек када га потврди руководилац ове полицијске управе, и то неко други, а не Ви.
casefile-reject-grounds = Разлози за одбијање
casefile-reject-reasoning = Образложење
casefile-reject-propose = Предложи одбијање
casefile-rules-heading = Правила на данашњи дан
casefile-rules-period = Период који правила дају данас:
casefile-rules-no-period = Правила данас не дају период (види разлоге испод).
casefile-letters-heading = Послати дописи
notice-case-update-requested = Захтев за допуну је послат у е-Сандуче подносиоца.
notice-case-resumed = Преузели сте исправке подносиоца. Статус је поново „Захтев у обради“.
notice-case-approved = Захтев је одобрен. Одлука се шаље у е-Сандуче подносиоца.
notice-case-rejection-proposed = Одбијање је предложено. Ступа на снагу када га потврди руководилац.
notice-case-rejected = Одбијање је потврђено. Одлука се шаље у е-Сандуче подносиоца.
notice-case-rejection-returned = Предлог одбијања је враћен инспектору.
notice-case-moved-meanwhile = Ништа није промењено: предмет је у међувремену промењен или ово више није могуће. Страница приказује предмет какав је сада.
event-update-requested = Инспектор је затражио документе или исправке
event-update-sent = Подносилац је послао исправке
event-update-lapsed = Рок за исправке је истекао без одговора
event-resumed = Инспектор је преузео исправке
event-approved = Захтев је одобрен
event-rejected = Захтев је одбијен
event-rejection-proposed = Инспектор је предложио одбијање
event-rejection-returned = Руководилац је вратио предлог одбијања
error-update-nothing-named = Наведите бар један корак или документ који подносилац сме да промени.
error-deadline-not-in-future = Дајте бар 1 дан: рок мора бити после данашњег дана.
error-deadline-too-long = Дајте највише { $max } дана.
error-whole-number = Унесите цео број дана, на пример 8.
error-rejection-no-ground = Изаберите бар један разлог за одбијање.
error-decision-rules-no-period = Захтев се данас не може одобрити: правила не дају период (на пример, пасош важи прекратко). Затражите допуну или предложите одбијање.
error-required-message = Напишите шта недостаје или није исправно.
error-required-reasoning = Напишите образложење одбијања.

## Страна подносиоца
case-days-left = { $days ->
    [0] данас је последњи дан
   *[other] преостало дана: { $days }
}
case-update-heading = Шта треба да урадите
case-update-intro = Инспектор је затражио документе или исправке (види допис испод). Можете променити само ове делове; све остало остаје како сте поднели. Не плаћате поново.
case-update-check-and-send = Проверите одговоре и пошаљите исправке
case-letters-heading = Дописи о Вашем захтеву
review-resend-intro = Када пошаљете исправке, захтев се враћа инспектору. Не плаћате поново.
review-resend = Пошаљи исправке
docs-read-only = Инспектор није тражио овај документ: остаје како је поднет.
mailbox-kind-update-request = Захтев за документе или исправке
mailbox-kind-approval = Одлука: захтев одобрен
mailbox-kind-rejection = Одлука: захтев одбијен
mail-update-reminder-subject = Рок за исправке је { $deadline }
mail-update-reminder-body = Полицијска управа је затражила од Вас документе или исправке. Последњи дан да их пошаљете је { $deadline }. Захтев отворите овде:
    { $link }

## Дописи (на страници и у ПДФ-у)
letter-title-update-request = Захтев за документе или исправке
letter-title-approval = Решење: захтев за привремени боравак је одобрен
letter-title-rejection = Решење: захтев за привремени боравак је одбијен
letter-date = Датум дописа
letter-number = Број решења
letter-message = Шта недостаје или није исправно
letter-deadline = Рок
letter-deadline-text = Пошаљите исправке до { $date }. Ако до тада не одговорите, полицијска управа може одлучити о захтеву на основу онога што је поднето.
letter-how-heading = Како да одговорите
letter-how-text = Пријавите се на eForeigner, отворите захтев и промените делове наведене испод. Затим проверите одговоре и пошаљите исправке. Не плаћате поново.
letter-scope = Шта можете променити
letter-item = Документ
letter-permit = Дозвола
letter-permit-temporary-residence = Дозвола за привремени боравак
letter-permit-single-permit = Дозвола за привремени боравак и рад (јединствена дозвола)
letter-period = Период
letter-biometrics = Позив за биометрију
letter-biometrics-text = Позивате се да дате биометријске податке (отиске прстију и фотографију) у полицијској управи. Пре доласка платите таксе за биометрију у износу од { $amount }. Понесите пасош и потврде о уплати.
letter-minor = Термин за дете
letter-minor-text = Оба родитеља морају присуствовати термину за биометрију детета.
letter-grounds = Разлози за одбијање
letter-reasoning = Образложење
letter-remedy = Правни лек
letter-remedy-text = Против овог решења можете изјавити жалбу Министарству унутрашњих послова у законском року, преко полицијске управе која га је донела. (Треба потврдити: извори портала не наводе правни лек ни његов рок.)
letter-note = Овај допис је издат преко портала eForeigner. Проверите његову веродостојност кодом изнад.
cases-mark-lapsed = Рок истекао
cases-mark-rejection-pending = Одбијање чека потврду
cases-mark-deadline = Исправке до { $date }

## Термини за биометрију и картица
nav-biometrics = Термини за биометрију
casefile-appointment = Термин за биометрију:
casefile-biometrics-taken = Евидентирај да су биометријски подаци узети
casefile-card-ready = Евидентирај да је картица спремна за преузимање
casefile-card-issued = Евидентирај да је картица уручена
notice-case-biometrics-taken = Евидентирано: биометријски подаци су узети. Картица је у изради.
notice-case-card-ready = Евидентирано: картица је спремна. Обавештење се шаље у е-Сандуче подносиоца.
notice-case-card-issued = Евидентирано: картица је уручена.
event-biometrics-booked = Подносилац је заказао термин за биометрију
event-biometrics-taken = Биометријски подаци су узети; картица је у изради
event-card-ready = Картица је спремна за преузимање
event-card-issued = Картица је уручена
slots-title = Термини за биометрију
slots-open-heading = Отвори термине за један дан
slots-field-day = Дан
slots-field-from = Од (локално време)
slots-field-until = До (локално време)
slots-field-minutes = Минута по термину
slots-field-capacity = Особа по термину
slots-open = Отвори термине
slots-list-heading = Термини наредних 60 дана
slots-none = Још нема отворених термина.
slots-col-when = Када
slots-col-places = Заказано
slots-col-action = Радња
slots-closed = Затворен
slots-close = Затвори
slots-places = { $booked } од { $capacity }
notice-slots-opened = Термини су отворени.
notice-slot-closed = Термин је затворен. Већ заказани термини остају.
error-slot-day-out-of-range = Изаберите дан после данашњег, у наредних 180 дана.
error-slot-end-before-start = Крај мора бити после почетка.
error-slot-length = Термин траје од 5 до 240 минута.
error-slot-capacity = Термин прима од 1 до 50 особа.
error-time-invalid = Унесите време, на пример 08:30.
error-booking-locked = До Вашег термина је мање од 24 сата и више се не може померити. Ако не можете доћи, обратите се полицијској управи.
error-slot-too-soon = Изаберите време најмање 24 сата од сада.
error-slot-full = То време је управо попуњено или затворено. Изаберите друго.
error-choose-one-slot = Изаберите време.
booking-title = Ваш термин за биометрију
booking-back = Назад на захтев
booking-intro = Отиске прстију и фотографију дајете у:
booking-current = Ваш термин:
booking-calendar = Додајте у календар (.ics)
booking-none = У наредних 60 дана још нема слободних термина. Вратите се касније: полицијска управа редовно отвара нове термине.
booking-choose = Изаберите време
booking-move = Изаберите ново време
booking-hint = Термин можете померити најкасније 24 сата пре њега. Понесите пасош и потврде о уплати такси за биометрију.
booking-free = { $free ->
    [1] слободно још 1 место
   *[other] слободних места: { $free }
}
booking-book = Закажи ово време
booking-rebook = Помери термин
booking-locked = До Вашег термина је мање од 24 сата и више се не може померити.
booking-calendar-summary = Биометрија за дозволу боравка
case-biometrics-heading = Биометрија
case-book-biometrics = Закажите термин за биометрију
case-move-biometrics = Промените термин
notice-biometrics-booked = Термин је заказан. Време смо Вам послали е-поштом.
mail-biometrics-booked-subject = Ваш термин за биометрију: { $date } у { $time }
mail-biometrics-booked-body = Ваш термин за биометрију је { $date } у { $time }. Понесите пасош и потврде о уплати такси за биометрију. Термин можете променити најкасније 24 сата пре:
    { $link }
mail-biometrics-reminder-subject = Подсетник: термин за биометрију { $date } у { $time }
mail-biometrics-reminder-body = Ваш термин за биометрију је { $date } у { $time }. Понесите пасош и потврде о уплати. Термину детета присуствују оба родитеља.
    { $link }
letter-title-card-ready = Ваша картица дозволе боравка је спремна
letter-card-ready = Преузимање
letter-card-ready-text = Ваша картица је спремна за преузимање у полицијској управи. Свака пунолетна особа преузима картицу лично; картицу детета преузимају оба родитеља заједно.
mailbox-kind-card-ready = Обавештење: картица је спремна

## Бројке и процене
nav-figures = Бројке
figures-title = Бројке полицијске управе
figures-csv = Преузми као CSV
figures-status-heading = Предмети по статусу
figures-none = Још нема предмета.
figures-col-cases = Предмета
figures-overdue = Прекорачени рок
figures-overdue-hint = Отворени предмети (поднети, у обради или допуни) примљени пре више од 120 дана.
figures-basis-heading = Дани од пријема до одлуке, по основу
figures-no-decisions = Још нема одлука.
figures-col-decisions = Одлука
figures-col-median = Медијана дана
case-estimate = Колико може трајати: у овој полицијској управи половина захтева по овом основу решена је за { $median } дана, а 8 од 10 за { $p80 } дана (последњих 180 дана, одлука: { $n }).
case-estimate-none = Колико може трајати: у овој полицијској управи још нема довољно одлука по овом основу за процену. У просеку одлука траје 3 до 4 месеца.

## Потврда о покренутом поступку
letter-title-certificate = Потврда о покренутом поступку за издавање дозволе за привремени боравак
letter-ebs = Евиденцијски број странца
letter-certificate = Чему служи ова потврда
letter-certificate-text = Ова потврда потврђује да је покренут поступак за издавање Ваше дозволе за привремени боравак. Евиденцијски број странца изнад је потребан Вама или Вашем послодавцу за остваривање права и обавеза у Србији.
mailbox-kind-certificate = Потврда о покренутом поступку

## Изгубљена дозвола
case-lost-heading = Изгубили сте дозволу?
case-lost-intro = Ако је Ваша картица дозволе боравка изгубљена или украдена, пријавите то овде без одлагања. Дозвола се оглашава неважећом, а затим подносите захтев за нову.
case-lost-link = Пријави губитак дозволе
case-permit-invalidated = Ова дозвола је оглашена неважећом (пријављен губитак) дана
lost-title = Пријавити губитак дозволе?
lost-body = Ваша дозвола ће одмах бити оглашена неважећом и наведена на јавној страници неважећих дозвола (само број и датум). Ово се не може поништити, чак и ако пронађете картицу.
lost-next = Затим се обратите својој полицијској управи ради издавања нове дозволе.
lost-confirm = Да, огласи моју дозволу неважећом
lost-cancel = Не, врати се
notice-permit-invalidated = Ваша дозвола је оглашена неважећом. Послали смо Вам потврду е-поштом.
mail-permit-invalidated-subject = Ваша дозвола је оглашена неважећом
mail-permit-invalidated-body = Пријавили сте губитак дозволе { $number }. Дозвола је оглашена неважећом и наведена на јавној страници неважећих дозвола. Обратите се својој полицијској управи ради издавања нове дозволе.
invalidated-title = Неважеће дозволе боравка
invalidated-intro = Дозволе оглашене неважећим након што су их имаоци пријавили као изгубљене (Министарство унутрашњих послова их објављује на свом сајту). Приказују се само број дозволе и датум.
invalidated-none = Ниједна дозвола није оглашена неважећом.
invalidated-col-number = Број дозволе
invalidated-col-date = Оглашена неважећом
footer-verify = Провера документа

## Полицијске управе службеника (администратор)
nav-departments = Управе
departments-title = Службеници и њихове полицијске управе
departments-intro = Инспектор или руководилац ради само на предметима своје полицијске управе. Изаберите управу за сваког службеника и сачувајте.
departments-none = Нема активних инспектора ни руководилаца.
departments-col-officer = Службеник
departments-col-role = Улога
departments-col-department = Полицијска управа
departments-no-department = Без управе
departments-save = Сачувај
notice-department-assigned = Управа службеника је сачувана.
error-choose-one-department = Изаберите полицијску управу са списка.
cases-filter-kind = Врста захтева
cases-filter-any-kind = Било која врста
cases-filter-basis = Основ
cases-filter-any-basis = Било који основ
cases-filter-overdue = Само предмети са прекораченим роком (примљени пре више од 120 дана, без одлуке)
