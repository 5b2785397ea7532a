# После «Заявление рассматривается»: запросы дополнений, решения и письма о них.

## Страница дела (сотрудник)
casefile-lapsed = Срок исправлений истёк без ответа заявителя. Можно принять решение по делу как есть или запросить дополнение снова.
casefile-deadline-text = Заявитель должен прислать исправления до { $date } (осталось дней: { $days }).
casefile-proposal-heading = Предложен отказ, ожидает руководителя
casefile-proposal-at = Предложено
casefile-resume = Взять исправления в работу
casefile-confirm-rejection = Подтвердить отказ
casefile-return-rejection = Вернуть предложение
casefile-approve-heading = Одобрить заявление
casefile-approve-intro = По правилам на сегодня получается такой срок:
casefile-approve = Одобрить заявление
casefile-update-heading = Запросить у заявителя документы или исправления
casefile-update-message = Чего не хватает или что неверно
casefile-update-message-hint = Заявитель прочтёт это в письме. Точно укажите, что прислать или исправить.
casefile-update-scope = Что заявитель может изменить
casefile-update-steps = Шаги, ответы в которых можно изменить:
casefile-update-items = Документы, которые можно заменить или добавить:
casefile-update-days = Дней на ответ
casefile-update-days-hint = Обычно 8 дней. Последний день отсчитывается от сегодняшнего.
casefile-update-send = Отправить запрос дополнения
casefile-reject-heading = Предложить отказ
casefile-reject-intro = Отказ вступает в силу только после подтверждения руководителем этого полицейского управления — другим человеком, не вами.
casefile-reject-grounds = Основания для отказа
casefile-reject-reasoning = Обоснование
casefile-reject-propose = Предложить отказ
casefile-rules-heading = Правила на сегодня
casefile-rules-period = Срок по правилам на сегодня:
casefile-rules-no-period = По правилам на сегодня срок не получается (см. причины ниже).
casefile-letters-heading = Отправленные письма
notice-case-update-requested = Запрос дополнения отправлен в e-Сандуче заявителя.
notice-case-resumed = Вы взяли исправления заявителя в работу. Статус снова «Заявление рассматривается».
notice-case-approved = Заявление одобрено. Решение отправляется в e-Сандуче заявителя.
notice-case-rejection-proposed = Отказ предложен. Он вступит в силу после подтверждения руководителем.
notice-case-rejected = Отказ подтверждён. Решение отправляется в e-Сандуче заявителя.
notice-case-rejection-returned = Предложение об отказе возвращено инспектору.
notice-case-moved-meanwhile = Ничего не изменено: дело тем временем изменилось или это действие больше недоступно. Страница показывает дело в текущем виде.
event-update-requested = Инспектор запросил документы или исправления
event-update-sent = Заявитель отправил исправления
event-update-lapsed = Срок исправлений истёк без ответа
event-resumed = Инспектор взял исправления в работу
event-approved = Заявление одобрено
event-rejected = В заявлении отказано
event-rejection-proposed = Инспектор предложил отказ
event-rejection-returned = Руководитель вернул предложение об отказе
error-update-nothing-named = Укажите хотя бы один шаг или документ, который заявитель может изменить.
error-deadline-not-in-future = Дайте хотя бы 1 день: срок должен быть позже сегодняшнего дня.
error-deadline-too-long = Дайте не больше { $max } дней.
error-whole-number = Введите целое число дней, например 8.
error-rejection-no-ground = Выберите хотя бы одно основание для отказа.
error-decision-rules-no-period = Сегодня заявление нельзя одобрить: по правилам срок не получается (например, паспорт действует слишком недолго). Запросите дополнение или предложите отказ.
error-required-message = Напишите, чего не хватает или что неверно.
error-required-reasoning = Напишите обоснование отказа.

## Сторона заявителя
case-days-left = { $days ->
    [0] сегодня последний день
   *[other] осталось дней: { $days }
}
case-update-heading = Что нужно сделать
case-update-intro = Инспектор запросил документы или исправления (см. письмо ниже). Изменить можно только эти части; всё остальное остаётся как подано. Платить повторно не нужно.
case-update-check-and-send = Проверить ответы и отправить исправления
case-letters-heading = Письма по вашему заявлению
review-resend-intro = После отправки исправлений заявление вернётся к инспектору. Платить повторно не нужно.
review-resend = Отправить исправления
docs-read-only = Инспектор не запрашивал этот документ: он остаётся как подан.
mailbox-kind-update-request = Запрос документов или исправлений
mailbox-kind-approval = Решение: заявление одобрено
mailbox-kind-rejection = Решение: в заявлении отказано
mail-update-reminder-subject = Исправления нужно прислать до { $deadline }
mail-update-reminder-body = Полицейское управление запросило у вас документы или исправления. Последний день для отправки — { $deadline }. Откройте заявление здесь:
    { $link }

## Письма (на странице и в PDF)
letter-title-update-request = Запрос документов или исправлений
letter-title-approval = Решение: заявление о временном проживании одобрено
letter-title-rejection = Решение: в заявлении о временном проживании отказано
letter-date = Дата письма
letter-number = Номер решения
letter-message = Чего не хватает или что неверно
letter-deadline = Срок
letter-deadline-text = Пришлите исправления до { $date }. Если вы не ответите до этого дня, полицейское управление может принять решение по заявлению как есть.
letter-how-heading = Как ответить
letter-how-text = Войдите в eForeigner, откройте заявление и измените части, перечисленные ниже. Затем проверьте ответы и отправьте исправления. Платить повторно не нужно.
letter-scope = Что можно изменить
letter-item = Документ
letter-permit = Разрешение
letter-permit-temporary-residence = Разрешение на временное проживание
letter-permit-single-permit = Разрешение на временное проживание и работу (единое разрешение)
letter-period = Срок
letter-biometrics = Приглашение на биометрию
letter-biometrics-text = Вы приглашены сдать биометрию (отпечатки пальцев и фотографию) в полицейском управлении. До визита оплатите сборы за биометрию в размере { $amount }. Возьмите паспорт и квитанции об оплате.
letter-minor = Запись ребёнка
letter-minor-text = На сдачу биометрии ребёнка должны прийти оба родителя.
letter-grounds = Основания для отказа
letter-reasoning = Обоснование
letter-remedy = Средство правовой защиты
letter-remedy-text = Это решение можно обжаловать в Министерстве внутренних дел в установленный законом срок через полицейское управление, которое его приняло. (Требует подтверждения: источники портала не называют средство защиты и его срок.)
letter-note = Письмо выдано через портал eForeigner. Проверьте его подлинность по коду выше.
cases-mark-lapsed = Срок истёк
cases-mark-rejection-pending = Отказ ждёт подтверждения
cases-mark-deadline = Исправления до { $date }

## Запись на биометрию и карта
nav-biometrics = Запись на биометрию
casefile-appointment = Запись на биометрию:
casefile-biometrics-taken = Отметить: биометрия сдана
casefile-card-ready = Отметить: карта готова к выдаче
casefile-card-issued = Отметить: карта выдана
notice-case-biometrics-taken = Отмечено: биометрия сдана. Карта изготавливается.
notice-case-card-ready = Отмечено: карта готова. Уведомление отправляется в e-Сандуче заявителя.
notice-case-card-issued = Отмечено: карта выдана.
event-biometrics-booked = Заявитель записался на биометрию
event-biometrics-taken = Биометрия сдана; карта изготавливается
event-card-ready = Карта готова к выдаче
event-card-issued = Карта выдана
slots-title = Время для сдачи биометрии
slots-open-heading = Открыть время на один день
slots-field-day = День
slots-field-from = С (местное время)
slots-field-until = До (местное время)
slots-field-minutes = Минут на одну запись
slots-field-capacity = Человек на одну запись
slots-open = Открыть время
slots-list-heading = Время на ближайшие 60 дней
slots-none = Время пока не открыто.
slots-col-when = Когда
slots-col-places = Записано
slots-col-action = Действие
slots-closed = Закрыто
slots-close = Закрыть
slots-places = { $booked } из { $capacity }
notice-slots-opened = Время открыто.
notice-slot-closed = Время закрыто. Уже сделанные записи остаются.
error-slot-day-out-of-range = Выберите день после сегодняшнего, в пределах 180 дней.
error-slot-end-before-start = Конец должен быть позже начала.
error-slot-length = Одна запись длится от 5 до 240 минут.
error-slot-capacity = На одну запись — от 1 до 50 человек.
error-time-invalid = Введите время, например 08:30.
error-booking-locked = До вашей записи меньше 24 часов, её уже нельзя перенести. Если вы не можете прийти, свяжитесь с полицейским управлением.
error-slot-too-soon = Выберите время не раньше чем через 24 часа.
error-slot-full = Это время только что заняли или закрыли. Выберите другое.
error-choose-one-slot = Выберите время.
booking-title = Ваша запись на биометрию
booking-back = Назад к заявлению
booking-intro = Отпечатки пальцев и фотографию вы сдаёте в:
booking-current = Ваша запись:
booking-calendar = Добавить в календарь (.ics)
booking-none = На ближайшие 60 дней свободного времени пока нет. Загляните позже: полицейское управление регулярно открывает новое время.
booking-choose = Выберите время
booking-move = Выберите новое время
booking-hint = Запись можно перенести не позднее чем за 24 часа. Возьмите паспорт и квитанции об оплате сборов за биометрию.
booking-free = { $free ->
    [one] осталось { $free } место
    [few] осталось { $free } места
   *[other] осталось мест: { $free }
}
booking-book = Записаться на это время
booking-rebook = Перенести запись
booking-locked = До вашей записи меньше 24 часов, её уже нельзя перенести.
booking-calendar-summary = Биометрия для вида на жительство
case-biometrics-heading = Биометрия
case-book-biometrics = Записаться на биометрию
case-move-biometrics = Изменить время записи
notice-biometrics-booked = Вы записаны. Время мы отправили вам по e-mail.
mail-biometrics-booked-subject = Ваша запись на биометрию: { $date } в { $time }
mail-biometrics-booked-body = Ваша запись на биометрию: { $date } в { $time }. Возьмите паспорт и квитанции об оплате сборов за биометрию. Изменить запись можно не позднее чем за 24 часа:
    { $link }
mail-biometrics-reminder-subject = Напоминание: биометрия { $date } в { $time }
mail-biometrics-reminder-body = Ваша запись на биометрию: { $date } в { $time }. Возьмите паспорт и квитанции об оплате. На запись ребёнка приходят оба родителя.
    { $link }
letter-title-card-ready = Ваша карта вида на жительство готова
letter-card-ready = Получение
letter-card-ready-text = Ваша карта готова к получению в полицейском управлении. Каждый взрослый получает карту лично; карту ребёнка получают оба родителя вместе.
mailbox-kind-card-ready = Уведомление: карта готова
