package org.corridor.schemas.validation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.Evaluation;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;

/** Identity, lifecycle, origin, dates and text of an alert. */
final class IdentityRules {

    static final int SUMMARY_MAX = 2000;

    private IdentityRules() {
    }

    static void check(TraffickingAlert alert, LocalDate latestToday, Violations v) {
        v.present("alertId", alert.getAlertId());
        lifecycle(alert, v);
        agency(alert.getOriginAgency(), v);
        v.present("kind", alert.getKind());
        v.present("priority", alert.getPriority());
        v.present("transportMode", alert.getTransportMode());
        if (v.present("occurredOn", alert.getOccurredOn()) && alert.getOccurredOn().isAfter(latestToday)) {
            v.add("occurredOn", alert.getOccurredOn() + " is in the future");
        }
        v.present("reportedAt", alert.getReportedAt());
        summary(alert.getSummary(), v);
        Texts.language(v, "language", alert.getLanguage());
        evaluation(alert.getEvaluation(), v);
        List<UUID> related = alert.getRelatedAlertIds();
        if (v.present("relatedAlertIds", related)) {
            for (int i = 0; i < related.size(); i++) {
                v.present("relatedAlertIds[" + i + "]", related.get(i));
            }
        }
    }

    private static void lifecycle(TraffickingAlert alert, Violations v) {
        int version = alert.getVersion();
        Lifecycle lifecycle = alert.getLifecycle();
        if (version < 1) {
            v.add("version", "must be at least 1, was " + version);
        } else if (lifecycle == Lifecycle.NEW && version != 1) {
            v.add("version", "a NEW alert has version 1, was " + version);
        } else if (lifecycle != null && lifecycle != Lifecycle.NEW && version < 2) {
            v.add("version", "an " + lifecycle + " has version 2 or more, was " + version);
        }
        v.present("lifecycle", lifecycle);
        String reason = alert.getRetractionReason();
        boolean hasReason = reason != null && !reason.isBlank();
        if (lifecycle == Lifecycle.RETRACTION && !hasReason) {
            v.add("retractionReason", "required when lifecycle is RETRACTION");
        } else if (lifecycle != Lifecycle.RETRACTION && reason != null) {
            v.add("retractionReason", "only allowed when lifecycle is RETRACTION");
        }
    }

    private static void agency(Agency agency, Violations v) {
        if (!v.present("originAgency", agency)) {
            return;
        }
        Texts.agencyId(v, "originAgency.agencyId", agency.getAgencyId());
        Texts.country(v, "originAgency.country", agency.getCountry());
        v.notBlank("originAgency.name", agency.getName());
    }

    private static void summary(String summary, Violations v) {
        if (v.notBlank("summary", summary) && summary.length() > SUMMARY_MAX) {
            v.add("summary", "must be at most " + SUMMARY_MAX + " characters, was " + summary.length());
        }
    }

    private static void evaluation(Evaluation evaluation, Violations v) {
        if (evaluation == null) {
            return;
        }
        v.present("evaluation.sourceReliability", evaluation.getSourceReliability());
        int info = evaluation.getInformationAssessment();
        if (info < 1 || info > 4) {
            v.add("evaluation.informationAssessment", "must be between 1 and 4, was " + info);
        }
    }
}
