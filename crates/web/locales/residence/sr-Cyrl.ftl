## Разлози које наводе правила о боравку (по један за сваку шифру правила)
residence-unknown-basis = „{ $basis }“ није основ привременог боравка из каталога.
residence-unknown-citizenship = Изаберите државу са листе.
residence-date-of-birth-invalid = Датум рођења { $date_of_birth } мора бити пре датума подношења { $submission_date }.
residence-d-visa-required = Држављанима ове државе потребна је виза за дужи боравак (виза Д) пре него што поднесу захтев за привремени боравак.
residence-d-visa-basis-mismatch = Ваша виза Д издата је по основу { $d_visa_basis }, а ималац визе Д може да поднесе захтев само по основу по коме је виза издата: изаберите разлог у оквиру основа { $d_visa_basis } (изабрали сте { $basis }).
residence-d-visa-basis-not-given = Са визом Д захтев можете да поднесете само по основу по коме је виза издата. Наведите тај основ за тачан одговор.
residence-single-permit-online-only = По овом разлогу издаје се јединствена дозвола (за привремени боравак и рад), а захтев за њу може да се поднесе само електронски.
residence-minor-in-person-only = Захтев за малолетно лице (млађе од { $threshold } година) подносе законски заступници, искључиво лично. Електронски захтев може да се поднесе од { $adult_on }.
residence-beli-karton-required = За први захтев потребан Вам је „бели картон“ (пријава боравка на Вашој адреси у Србији) за адресу коју наводите у захтеву, а нови при сваком уласку у Србију, све до доношења одлуке.
residence-current-permit-required = За продужење унесите датум истека Ваше тренутне дозволе.
residence-extension-too-early = Захтев за продужење може да се поднесе од { $earliest_submission } (3 месеца пре истека Ваше дозволе) до { $latest_submission }.
residence-extension-too-late = Ваша дозвола је истекла { $latest_submission }, па више не може да се продужи. Уместо тога поднесите први захтев.
residence-extension-counts-when-paid = Ваша садашња дозвола истиче { $latest_submission }. Електронски захтев сматра се поднетим последњег од два дана: дана када притиснете Поднеси и дана када је уплата таксе потврђена (датум на Потврди о пријему захтева). Тај дан мора бити између { $earliest_submission } и { $latest_submission }, па платите доста пре последњег дана: уплата налогом потврђује се тек када извод банке стигне на портал.
residence-period-limited-by-basis = По овом основу дозвола се издаје на највише { $max_months } месеци.
residence-basis-end-not-given = Дозвола не може да траје дуже од уговора или студија. Наведите датум њиховог завршетка да бисте добили тачан одговор.
residence-basis-ended-before-start = Уговор или студије се завршавају { $basis_valid_until }, пре него што би дозвола почела да важи ({ $valid_from }).
residence-period-limited-by-basis-end = Дозвола не може да траје дуже од завршетка уговора или студија ({ $basis_valid_until }).
residence-requested-until-before-start = Тражени датум истека { $requested_until } је пре почетка важења дозволе ({ $valid_from }).
residence-requested-period-too-long = Тражени датум истека { $requested_until } је каснији од најкаснијег могућег ({ $latest_until }).
residence-passport-validity-too-short = Ваш пасош мора да важи најмање до { $required_valid_until } ({ $margin_months } месеца после истека дозволе); он важи до { $passport_valid_until }.
residence-period-shortened-by-passport = Пошто Ваш пасош важи до { $passport_valid_until }, дозвола може да траје само до { $valid_until }.
residence-trip-return-before-departure = Путовање { $trip }: повратак ({ $returned }) је пре одласка ({ $departed }). Проверите оба датума.
residence-trip-return-after-application = Путовање { $trip }: повратак ({ $returned }) је после датума подношења захтева ({ $application_date }). Рачунају се само 3 године пре захтева: унесите повратак најкасније тог дана или каснији датум захтева.
residence-total-absence-exceeds-limit = У 3 године пре подношења захтева укупно сте били одсутни { $total_months ->
    [one] { $total_months } месец
    [few] { $total_months } месеца
   *[other] { $total_months } месеци
} и { $total_days ->
    [one] { $total_days } дан
   *[other] { $total_days } дана
} ({ $total_days_absent } дана одсуства); дозвољено је највише { $limit_months } месеци.
residence-single-absence-exceeds-limit = Одсуство од { $first_day } до { $last_day } трајало је { $months ->
    [one] { $months } месец
    [few] { $months } месеца
   *[other] { $months } месеци
} и { $days ->
    [one] { $days } дан
   *[other] { $days } дана
} ({ $days_absent } дана одсуства); једно одсуство може да траје највише { $limit_months } месеци. Да сте се вратили најкасније { $latest_return }, остало би у граници.
residence-fee-tariff-missing = Није позната тарифа такси која важи на дан { $on }.
residence-fee-amount-unverified = Ови износи потичу из јавно доступних водича и можда су се променили. Проверите их у полицијској управи пре него што платите.

## Јавне странице са упутствима о привременом боравку
residence-index-title = Привремени боравак: водичи и алати
residence-index-lead = Проверите пре подношења захтева: да ли можете да га поднесете електронски, која документа су Вам потребна, колико кошта и да ли Вам одсуства из Србије омогућавају да касније добијете стално настањење. Налог није потребан.
residence-check-title = Да ли могу да поднесем захтев електронски?
residence-check-teaser = Одговорите на неколико питања и сазнајте да ли, како и за који период можете да поднесете захтев.
residence-bases-title = Основи привременог боравка
residence-bases-teaser = Сви основи и ближи разлози, дозвола која се по њима издаје и документа која треба приложити.
residence-absences-title = Калкулатор одсуства за стално настањење
residence-absences-teaser = Унесите своја путовања у иностранство и проверите да ли су у оквиру дозвољених граница.
residence-fees-title = Таксе и налог за уплату
residence-fees-teaser = Погледајте износе такси и одштампајте налог за уплату са QR кодом који може да скенира апликација Ваше банке.
residence-bases-lead = Захтев за привремени боравак подноси се по једном основу и ближем разлогу. Од њих зависи да ли ћете добити јединствену дозволу (за привремени боравак и рад) или дозволу за привремени боравак, као и да ли захтев можете да поднесете само електронски.
residence-bases-source = Извори: званични списак Министарства унутрашњих послова (Привремени боравак — Портал за стране држављане, последње ажурирање 16.12.2024) за основе и приватни водич за документа. Где ниједан не наводи документ за неки основ, списак то каже: „Како овај портал примењује правило“.
bases-permit = Дозвола
bases-channels = Начин подношења
bases-right-to-work = Право на рад
bases-max-validity = Најдуже важење
bases-months = { $n ->
    [one] { $n } месец
    [few] { $n } месеца
   *[other] { $n } месеци
}
bases-limited-by-end = (не дуже од завршетка уговора или студија)
bases-documents = Документа која треба приложити
bases-extension-documents = Документа која се прилажу уз захтев за продужење
bases-documents-note = Документа означена са „Како овај портал примењује правило“ извори не наводе за тај основ: она показују на чему основ почива (уговор, упис, решење). Полицијска управа може да затражи и друга.
permit-single_permit = Јединствена дозвола (за привремени боравак и рад)
permit-temporary_residence = Дозвола за привремени боравак
channels-online_only = Само електронски
channels-online_or_in_person = Електронски или лично у полицијској управи
right-to-work-per_single_permit = Да, како је наведено у јединственој дозволи
right-to-work-according_to_basis = У складу са основом; на картици је наведено да ли имате право на рад
condition-not_when_applying_from_abroad = осим ако захтев подносите из иностранства
condition-on_inspector_request = само ако то инспектор затражи
condition-married_spouses = за брачне супружнике
condition-extramarital_union = за партнере у ванбрачној заједници
condition-reunification_with_child = за спајање породице са дететом
condition-other_kinship = за родитеља или другог сродника
residence-check-lead = Одговор се заснива на правилима Министарства унутрашњих послова. То је упутство, а не одлука.
check-kind-first = Први захтев
check-kind-extension = Продужење моје дозволе
check-channel-online = Електронски, на овом порталу
check-channel-in-person = Лично, у полицијској управи
check-submit = Проверите
check-answer-yes-online = Да, можете да поднесете захтев електронски.
check-answer-yes-in-person = Можете да поднесете захтев, али само лично.
check-answer-no = Не на начин који сте навели. Разлоге погледајте у наставку.
check-valid-from = Дозвола важи од
check-valid-until = Дозвола важи до (најдуже)
check-earliest = Поднесите најраније
check-latest = Поднесите најкасније
check-blockers = Шта спречава овај захтев
check-good-to-know = Добро је да знате
check-documents = Документа која треба припремити
source = Извор
answer-yes = Да
answer-no = Не
field-kind = За шта подносите захтев?
field-basis = Основ и ближи разлог
field-channel = Како желите да поднесете захтев?
field-submission-date = Датум подношења
field-passport-valid-until = Пасош важи до
field-current-permit-valid-until = Тренутна дозвола важи до
field-basis-valid-until = Уговор или студије се завршавају
field-requested-until = Дозвола је потребна до
field-has-d-visa = Да ли имате визу за дужи боравак (визу Д)?
field-d-visa-basis = Ако имате визу Д: основ по коме је издата
hint-d-visa-basis = Ималац визе Д подноси захтев за привремени боравак само по основу по коме је виза издата.
field-applying-from-abroad = Да ли захтев подносите из иностранства?
hint-current-permit-valid-until = Само за продужење.
hint-basis-valid-until = За уговор на одређено време или студије.
hint-requested-until = Оставите празно за најдужи могући период.
residence-absences-lead = За стално настањење, у 3 године пре подношења захтева можете бити одсутни из Србије највише 10 месеци укупно и највише 6 месеци непрекидно.
absences-how-title = Како се рачуна одсуство
absences-how-window = Рачунају се 3 године пре датума подношења захтева. Дан одласка и дан повратка рачунају се као дани у Србији: дани између њих су Ваше одсуство. Путовање које је почело пре те 3 године рачуна се од њиховог првог дана; путовања која се преклапају рачунају се једном.
absences-how-months = Свако одсуство мери се календарским месецима, како закон у Србији рачуна рок одређен у месецима: истиче оног дана у месецу који по броју одговара дану одласка, а ако таквог дана у месецу нема, последњег дана месеца. Ако отпутујете 15. јануара, 6 месеци одсуства истиче 15. јула: вратите се најкасније 16. јула да бисте остали у граници од 6 месеци. Ако отпутујете 31. августа, истиче 28. фебруара (29. у преступној години).
absences-how-total = За укупно одсуство сабирају се цели месеци сваког одсуства, а преостали дани свих одсустава рачунају се по 30 за месец. Тачно 6 или 10 месеци је још у граници; дан више је преко ње. Ово је помоћ, а не одлука.
absences-how-source = Границе потичу из приватног водича (Електронски захтев за дозволу боравка у Србији: потпуни водич, „Ограничења одсуства и начини подношења“). Да се месеци рачунају као законски рокови, начин је на који их овај портал примењује.
field-application-date = Датум подношења захтева за стално настањење
absences-trips = Путовања у иностранство
absences-trip = Путовање { $n }
absences-departed = Датум одласка из Србије
absences-returned = Датум повратка у Србију
absences-add-trip = Додајте још једно путовање
absences-submit = Израчунајте
absences-within = Ваша одсуства су у оквиру дозвољених граница.
absences-over = Ваша одсуства прелазе дозвољене границе.
absences-window = Период који се рачуна
absences-total = Укупно одсуство
absences-total-limit = највише 10 месеци
absences-longest-limit = највише 6 месеци
absences-months-days = { $months ->
    [one] { $months } месец
    [few] { $months } месеца
   *[other] { $months } месеци
} и { $days ->
    [one] { $days } дан
   *[other] { $days } дана
}
absences-list = Ваша одсуства
absences-col-days-abroad = Дани у иностранству
absences-col-length = Трајање
absences-col-days = Дана
absences-longest = Најдуже одсуство
absences-days = { $n ->
    [one] { $n } дан
    [few] { $n } дана
   *[other] { $n } дана
}
residence-fees-lead = Таксе се плаћају уз захтев, у последњем кораку електронског подношења, као и након позива на биометрију. Износи потичу из јавно доступних извора и можда су се променили; проверите их пре него што платите.
field-municipality = Општина у којој боравите
hint-municipality = Њен код постаје део позива на број (на пример 016).
field-payer = Име и адреса уплатиоца
fees-submit = Прикажите таксе и налог за уплату
fees-list-title = Таксе
fees-col-fee = Такса
fees-col-when = Када се плаћа
fees-col-amount = Износ
fees-col-payee = Прималац
fees-stage-submission = Уз захтев
fees-stage-biometrics = Након позива на биометрију
fees-reference = позив на број
fees-payee-unknown = Наводи се у позиву
fees-total-submission = Укупно за уплату уз захтев
slip-heading = Налог за уплату такси које се плаћају уз захтев
slip-title = НАЛОГ ЗА УПЛАТУ
slip-payer = Уплатилац
slip-purpose = Сврха уплате
slip-payee = Прималац
slip-payment-code = Шифра плаћања
slip-currency = Валута
slip-amount = Износ
slip-account = Рачун примаоца
slip-model-reference = Модел и позив на број
slip-scan = Скенирајте QR код мобилном апликацијом своје банке да бисте попунили податке о плаћању или одштампајте налог и платите у банци, пошти или мењачници.
slip-qr-alt = IPS QR код овог плаћања
slip-download = Преузмите налог за уплату (PDF)
slip-purpose-residence = Такса за привремени боравак
check-step = Питање { $n } од { $count }
check-continue = Наставите
check-back = Назад
check-your-answers = Ваши одговори
check-change = Измените
check-again = Почните поново
## Одакле правило потиче: извори под својим правим насловима
source-project = Како овај портал примењује правило
source-reading = Како овај портал примењује правило, на основу: { $citation }
source-citation = { $title }, одељак „{ $section }“
source-document-seed-004 = Привремени боравак — Портал за стране држављане (Министарство унутрашњих послова), последње ажурирање 16.12.2024.
source-document-seed-002 = Електронски захтев за дозволу боравка у Србији: потпуни водич (приватни водич)
source-document-design-md = Секундарни јавни извори које је прикупио овај портал (износи нису потврђени званичном тарифом)
source-section-seed-004-introduction = Привремени боравак
source-section-seed-004-what-is-temporary-residence = Шта је привремени боравак?
source-section-seed-004-bases = Основ за издавање дозволе за привремени боравак и рад, односно дозволе за привремени боравак
source-section-seed-004-issuance = Издавање дозволе за привремени боравак, односно дозволе за привремени боравак и рад
source-section-seed-004-rejection = Одбијање захтева за привремени боравак
source-section-seed-002-key-questions = Кључна питања о дозволи боравка: бели картон, „визаран“ и путовања
source-section-seed-002-absences = Ограничења одсуства и начини подношења
source-section-seed-002-issuance-costs = Рокови издавања, трошкови и општа правила
source-section-seed-002-general-documents = Први захтев: општи списак докумената
source-section-seed-002-self-employment = Документа за „самозапошљавање“ (предузетник)
source-section-seed-002-family-reunification = Документа за „спајање породице“
source-section-seed-002-online-application = Поступак електронског подношења: од регистрације до плаћања
source-section-seed-002-status-tracking = Праћење статуса захтева и допуне
source-section-seed-002-biometrics = Биометрија: плаћање такси и одлазак у МУП
source-section-seed-002-passport-replacement = Живот са дозволом боравка: следећи кораци и замена пасоша
source-section-design-md-fees = Износи такси
source-section-design-md-payment-details = Подаци за плаћање
## Одакле потиче провера идентификатора
identifier-source-jmbg = Закон о јединственом матичном броју грађана: контролна цифра
identifier-source-ebs = Евиденцијски број странца (ЕБС), састављен као ЈМБГ; да се контролна цифра рачуна на исти начин, начин је на који овај портал примењује правило (није потврђено)
identifier-source-account = Народна банка Србије: број рачуна, контролни број ISO 7064 MOD 97-10
identifier-source-reference97 = Народна банка Србије: позив на број, модел 97 (ISO 7064 MOD 97-10)
identifier-source-pib = Пореска управа: порески идентификациони број (ПИБ), ISO 7064 MOD 11,10
identifier-source-mb = Републички завод за статистику и Агенција за привредне регистре: матични број (МБ), пондерисани модул 11 (није потврђено)
## Датуми написани речима
date-long-1 = { $day }. јануара { $year }.
date-long-2 = { $day }. фебруара { $year }.
date-long-3 = { $day }. марта { $year }.
date-long-4 = { $day }. априла { $year }.
date-long-5 = { $day }. маја { $year }.
date-long-6 = { $day }. јуна { $year }.
date-long-7 = { $day }. јула { $year }.
date-long-8 = { $day }. августа { $year }.
date-long-9 = { $day }. септембра { $year }.
date-long-10 = { $day }. октобра { $year }.
date-long-11 = { $day }. новембра { $year }.
date-long-12 = { $day }. децембра { $year }.
