//! The words of personal data on the interface's screens: the dashboard's
//! count of personal values kept past the retention period.

use crate::i18n::Lang;

strings! { RgpdWords, rgpd;
    pending_expired: "Données personnelles au-delà de la durée de conservation : {n} {n:fiche|fiches} (recense rgpd review)", "Personal data beyond the retention period: {n} {n:records|record|records} (recense rgpd review)";
    pending_expired_note: "la plus ancienne", "the oldest";
}
