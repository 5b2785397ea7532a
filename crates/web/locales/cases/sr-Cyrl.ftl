# Канцеларија инспектора: предмети боравка једне полицијске управе.
nav-cases = Предмети
cases-title = Предмети боравка
cases-no-department = Још нисте распоређени у полицијску управу, па нема предмета за приказ. Администратор распоређује службенике по управама.
cases-filter-label = Филтрирање предмета
cases-filter-status = Статус
cases-filter-all = Сви статуси
cases-filter-mine = Само предмети које ја водим
cases-filter-apply = Прикажи предмете
cases-counts-heading = Предмети по статусу
cases-empty = Ниједан предмет не одговара овом филтеру.
cases-col-submitted = Поднет
cases-col-assignee = Води
cases-assignee-none = Још није преузет
cases-assignee-me = Ви
cases-assignee-other = Други инспектор
casefile-title = Предмет
casefile-back = Назад на предмете
casefile-actions-heading = Шта сада можете да урадите
casefile-no-actions = На овом предмету сада немате шта да урадите.
casefile-take = Преузми предмет
casefile-applicant = Подносилац
casefile-municipality = Општина боравка
casefile-assignee = Води
casefile-documents-heading = Документа
casefile-no-documents = Подносилац није отпремио документа.
casefile-answers-heading = Одговори подносиоца
notice-case-taken = Преузели сте предмет. Његов статус је сада „Захтев у обради“.
notice-case-not-taken = Предмет није преузет: други службеник га је преузео пре вас или му се променио статус. Страница га приказује какав је сада.
event-taken = Инспектор је преузео захтев

## Одустанак од захтева (подносилац, пре одлуке)
case-withdraw-heading = Одустанак од захтева
case-withdraw-intro = Док одлука не буде донета, можете одустати од овог захтева, на пример ако напуштате Србију или подносите захтев по другом основу.
case-withdraw-link = Одустани од захтева
withdraw-title = Одустати од овог захтева?
withdraw-body = Захтев ће бити затворен и о њему неће бити донета одлука. Ово се не може поништити: за нови захтев започињете нову пријаву.
withdraw-fees = Портал не враћа већ плаћене таксе; о повраћају таксе одлучује полицијска управа (треба потврдити).
withdraw-confirm = Да, одустајем од захтева
withdraw-cancel = Не, врати ме назад
notice-request-withdrawn = Одустали сте од захтева. Послали смо Вам потврду е-поштом.
event-withdrawn = Подносилац је одустао од захтева
mail-request-withdrawn-subject = Одустали сте од захтева
mail-request-withdrawn-body = Одустали сте од захтева { $reference } за привремени боравак. О њему неће бити донета одлука. Можете га погледати овде:
    { $link }

## Ко је гледао предмет (приказује се подносиоцу)
case-views-heading = Ко је гледао Ваш захтев
case-views-intro = Сваки пут када службеник отвори Ваш захтев или неки његов документ, то се бележи и приказује овде: улога службеника и полицијска управа, не његово име.
case-views-none = Ниједан службеник још није отворио Ваш захтев.
views-col-what = Шта
views-col-role = Улога
views-col-department = Полицијска управа
view-opened = Отворио захтев
view-document = Отворио документ
view-taken = Преузео захтев
viewer-role-inspector = Инспектор
viewer-role-supervisor = Надзорник
viewer-role-officer = Службеник

## Интерне белешке (само службеници управе)
casefile-notes-heading = Интерне белешке
casefile-notes-intro = Ове белешке виде само службеници ове полицијске управе. Подносилац их никада не види.
casefile-notes-none = Још нема белешки.
casefile-note-label = Додајте белешку
casefile-note-add = Додај белешку
notice-case-note-added = Белешка је додата.

## Прерасподела (надзорник)
casefile-reassign-label = Доделите предмет службенику
casefile-reassign = Прераспореди предмет
notice-case-reassigned = Предмет је додељен другом службенику.
event-reassigned = Надзорник је доделио захтев другом инспектору
error-choose-one-to = Изаберите службеника ове полицијске управе.
