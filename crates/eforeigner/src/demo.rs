//! Demo data for `serve --demo`: the inspector and the supervisor work the police
//! department of the demo residents' municipality, a second demo applicant ([`RESIDENT`])
//! has one request already submitted and paid ("Request submitted"), so that a newcomer can
//! open the back office and take a case at once, and a third ([`APPROVED`]) has one the
//! inspector approved, with biometrics slots open in the days after tomorrow to book. The first demo applicant
//! keeps no request, to walk the online application from its start. Everything goes through the services, as a person in a
//! browser would do it, and is done once (a restart finds it and leaves it).

use std::collections::BTreeMap;

use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::App;
use crate::domain::applications::{ApplicationKind, ApplicationStatus, StepId};
use crate::domain::paging::PageNumber;
use crate::domain::uploads::{FileKind, IncomingFile, Received};
use crate::domain::{Account, Actor, Department};

/// The demo applicant whose request is already submitted and paid.
pub const RESIDENT: &str = "resident@demo.eforeigner.test";

/// The demo applicant whose request is already approved (ready to book biometrics).
pub const APPROVED: &str = "approved@demo.eforeigner.test";

/// The demo applicants' municipality of residence (Savski venac, Belgrade).
pub const DEMO_MUNICIPALITY: &str = "016";

/// Who the demo data is written as in the audit log.
fn demo_actor() -> Actor {
    Actor {
        account_id: None,
        ip: "local".into(),
        user_agent: "eforeigner serve --demo".into(),
    }
}

/// The department of [`DEMO_MUNICIPALITY`].
pub fn demo_department() -> anyhow::Result<Department> {
    eforeigner_rules::municipalities::find_municipality(DEMO_MUNICIPALITY)
        .map(|m| m.police_department)
        .ok_or_else(|| anyhow::anyhow!("no municipality {DEMO_MUNICIPALITY}"))
}

/// Puts the demo officers in the demo department, unless they are in one already.
pub async fn assign_departments(app: &App, officers: &[&Account]) -> anyhow::Result<()> {
    let department = demo_department()?;
    for officer in officers {
        if officer.department.is_none() {
            app.accounts
                .assign_department(officer, Some(department), &demo_actor())
                .await?;
        }
    }
    Ok(())
}

/// A 1×1 PNG: the demo's scans (and the tests' images).
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// The answers of the demo request, step by step (a first permit for employment).
fn demo_answers(
    applicant: &Account,
    today: jiff::civil::Date,
) -> Vec<(StepId, Vec<(&'static str, String)>)> {
    let p = &applicant.profile;
    let entered = today
        .checked_sub(jiff::Span::new().days(20))
        .unwrap_or(today);
    vec![
        (
            StepId::Check,
            vec![
                ("citizenship", "UA".into()),
                ("location", "in-serbia".into()),
                ("last_entry", entered.to_string()),
                ("has_d_visa", "no".into()),
            ],
        ),
        (
            StepId::Personal,
            vec![
                ("given_names", p.given_names.clone()),
                ("surname", p.surname.clone()),
                (
                    "date_of_birth",
                    p.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
                ),
                ("sex", "female".into()),
                ("birth_place", "Kyiv, Ukraine".into()),
                ("father_name", "Petro".into()),
                ("mother_name", "Olena".into()),
                ("education", "master".into()),
                (
                    "passport_number",
                    p.id_doc_number.clone().unwrap_or_default(),
                ),
                ("passport_country", "UA".into()),
                ("passport_issued", "2022-06-30".into()),
                (
                    "passport_expiry",
                    p.id_doc_expiry.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ],
        ),
        (
            StepId::Reasons,
            vec![
                ("ground", "employment.employment_contract".into()),
                ("residence_municipality", DEMO_MUNICIPALITY.into()),
                ("street", "Bulevar kralja Aleksandra".into()),
                ("house_number", "73".into()),
                ("postcode", "11000".into()),
                ("requested_until", String::new()),
            ],
        ),
        (
            StepId::Details,
            vec![
                ("employer_name", "Čigra d.o.o.".into()),
                ("employer_pib", "101134702".into()),
                ("employer_mb", "17162543".into()),
                ("contract_type", "indefinite".into()),
                ("contract_end", String::new()),
                ("job_title", "Software engineer".into()),
            ],
        ),
    ]
}

/// The documents of the demo request, by checklist item.
const DEMO_DOCUMENTS: &[&str] = &[
    "photograph",
    "passport_scan",
    "proof_of_financial_means",
    "beli_karton",
    "employment_contract",
];

/// Gives the demo applicant a request submitted and paid, unless they have any request.
pub async fn seed_case(app: &App, applicant: &Account, supervisor: &Account) -> anyhow::Result<()> {
    let s = &app.applications;
    if !s.list(applicant, PageNumber::FIRST).await?.items.is_empty() {
        return Ok(());
    }
    let actor = demo_actor();
    let draft = s.start(applicant, ApplicationKind::First, &actor).await?;
    let mut stamp = draft.answers_stamp();
    let save = async |step: StepId, fields: Vec<(&'static str, String)>, stamp: &mut String| {
        let values: BTreeMap<String, String> = fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let saved = s
            .save_step(applicant, &draft.id, step, values, stamp, &actor)
            .await?;
        anyhow::ensure!(
            saved.errors.is_empty(),
            "demo step {step:?}: {:?}",
            saved.errors.0
        );
        *stamp = saved.app.answers_stamp();
        anyhow::Ok(())
    };
    let today = crate::domain::clock::serbian_date(app.accounts.now());
    for (step, fields) in demo_answers(applicant, today) {
        save(step, fields, &mut stamp).await?;
    }
    for item in DEMO_DOCUMENTS {
        let key = format!("applications/{}/demo-{item}", draft.id);
        app.files.put(&key, Bytes::from_static(PNG)).await?;
        let target = s.file_target(applicant, &draft.id).await?;
        s.add_files(
            target,
            item,
            vec![IncomingFile {
                file_name: format!("{item}.png"),
                received: Ok(Received {
                    storage_key: key,
                    size: i64::try_from(PNG.len())?,
                    sha256: format!("{:x}", Sha256::digest(PNG)),
                    kind: FileKind::Png,
                }),
            }],
            &actor,
        )
        .await?;
    }
    stamp = s.get(applicant, &draft.id).await?.answers_stamp();
    save(
        StepId::Documents,
        vec![("confirmed", "yes".into())],
        &mut stamp,
    )
    .await?;
    save(
        StepId::Fees,
        vec![("payment_method", "slip".into())],
        &mut stamp,
    )
    .await?;
    let submitted = s.submit(applicant, &draft.id, true, &stamp, &actor).await?;
    if submitted.status == ApplicationStatus::AwaitingPayment {
        s.confirm_payment_by_supervisor(
            supervisor,
            &draft.id,
            "Demo: paid at the post office",
            &actor,
        )
        .await?;
    }
    Ok(())
}

/// Gives the demo applicant `applicant` a request the demo inspector took and approved
/// (after [`seed_case`]), and opens the demo department's biometrics slots for the three
/// days after tomorrow (slots already open stay as they are).
pub async fn seed_approved(
    app: &App,
    applicant: &Account,
    inspector: &Account,
    supervisor: &Account,
) -> anyhow::Result<()> {
    seed_case(app, applicant, supervisor).await?;
    let s = &app.applications;
    let actor = demo_actor();
    for line in s.list(applicant, PageNumber::FIRST).await?.items {
        if line.status == ApplicationStatus::Submitted {
            s.take(inspector, &line.id, &actor).await?;
            s.approve(inspector, &line.id, &actor).await?;
        }
    }
    let today = crate::domain::clock::serbian_date(app.accounts.now());
    for ahead in 2..5 {
        let day = today.checked_add(jiff::Span::new().days(ahead))?;
        s.open_slots(
            supervisor,
            &crate::domain::applications::OpenHours {
                day: day.to_string(),
                from: "09:00".into(),
                until: "12:00".into(),
                minutes: "30".into(),
                capacity: "4".into(),
            },
            &actor,
        )
        .await?;
    }
    Ok(())
}
