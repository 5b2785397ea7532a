# Рабочее место инспектора: дела о проживании одного полицейского управления.
nav-cases = Дела
cases-title = Дела о проживании
cases-no-department = Вы ещё не прикреплены к полицейскому управлению, поэтому показать нечего. Сотрудников к управлениям прикрепляет администратор.
cases-filter-label = Отбор дел
cases-filter-status = Статус
cases-filter-all = Все статусы
cases-filter-mine = Только мои дела
cases-filter-apply = Показать дела
cases-counts-heading = Дела по статусам
cases-empty = Под этот отбор не подходит ни одно дело.
cases-col-submitted = Подано
cases-col-assignee = Ведёт
cases-assignee-none = Ещё не взято
cases-assignee-me = Вы
cases-assignee-other = Другой инспектор
casefile-title = Дело
casefile-back = Назад к делам
casefile-actions-heading = Что можно сделать сейчас
casefile-no-actions = Сейчас по этому делу от вас ничего не требуется.
casefile-take = Взять дело
casefile-applicant = Заявитель
casefile-municipality = Община проживания
casefile-assignee = Ведёт
casefile-documents-heading = Документы
casefile-no-documents = Заявитель не загрузил документов.
casefile-answers-heading = Ответы заявителя
notice-case-taken = Вы взяли дело. Теперь его статус — «Заявление рассматривается».
notice-case-not-taken = Дело не взято: его уже взял другой сотрудник или его статус изменился. На странице показано, каково оно сейчас.
event-taken = Инспектор взял заявление

## Отзыв заявления (заявитель, до решения)
case-withdraw-heading = Отозвать заявление
case-withdraw-intro = Пока решение не принято, вы можете отозвать это заявление, например если уезжаете из Сербии или подаёте заявление по другому основанию.
case-withdraw-link = Отозвать заявление
withdraw-title = Отозвать это заявление?
withdraw-body = Заявление будет закрыто, решение по нему приниматься не будет. Отменить это нельзя: чтобы подать заявление снова, начните новое.
withdraw-fees = Портал не возвращает уже уплаченные пошлины; вернуть ли пошлину, решает полицейское управление (требует подтверждения).
withdraw-confirm = Да, отозвать заявление
withdraw-cancel = Нет, вернуться
notice-request-withdrawn = Вы отозвали заявление. Мы отправили вам подтверждение по электронной почте.
event-withdrawn = Заявитель отозвал заявление
mail-request-withdrawn-subject = Вы отозвали заявление
mail-request-withdrawn-body = Вы отозвали заявление { $reference } на временное проживание. Решение по нему приниматься не будет. Посмотреть его можно здесь:
    { $link }

## Кто смотрел дело (показывается заявителю)
case-views-heading = Кто смотрел ваше заявление
case-views-intro = Каждый раз, когда сотрудник открывает ваше заявление или один из его документов, это записывается и показывается здесь: роль сотрудника и полицейское управление, но не имя.
case-views-none = Ни один сотрудник ещё не открывал ваше заявление.
views-col-what = Что
views-col-role = Роль
views-col-department = Полицейское управление
view-opened = Открыл заявление
view-document = Открыл документ
view-taken = Взял заявление
viewer-role-inspector = Инспектор
viewer-role-supervisor = Руководитель
viewer-role-officer = Сотрудник

## Служебные заметки (только сотрудники управления)
casefile-notes-heading = Служебные заметки
casefile-notes-intro = Эти заметки видят только сотрудники этого полицейского управления. Заявитель их никогда не видит.
casefile-notes-none = Заметок пока нет.
casefile-note-label = Добавить заметку
casefile-note-add = Добавить заметку
notice-case-note-added = Заметка добавлена.

## Передача дела (руководитель)
casefile-reassign-label = Передать дело сотруднику
casefile-reassign = Передать дело
notice-case-reassigned = Дело передано другому сотруднику.
event-reassigned = Руководитель передал заявление другому инспектору
error-choose-one-to = Выберите сотрудника этого полицейского управления.
