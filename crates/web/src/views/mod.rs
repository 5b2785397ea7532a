//! View models shared by the pages and the API: the same data shown as HTML and as JSON
//! (the residence rules' answers, fees, reasons).

pub mod biometrics;
pub mod letters;
pub mod residence;
