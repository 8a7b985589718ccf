package org.corridor.consumer.linking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.corridor.schemas.avro.BlindNotice;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.schemas.avro.LinkedAlert;
import org.corridor.schemas.topics.Topics;

/**
 * What each party is given of a hit, on its own links topic: a body that holds both alerts gets the hit naming that
 * body alone (not the other bodies, not the notices or why some were withheld); an originator gets a blind notice
 * about its own alert, with an opaque id and the bodies to ask through, nothing of the other report. A withdrawal
 * goes to exactly the parties the link was told to ({@link PairDecider} names them). Pure.
 */
final class PartyCopies {

    private PartyCopies() {
    }

    /** One copy per body in {@code hitTo}, keyed by the pair, for {@link Topics#bodyLinks}. */
    static List<KeyValue<String, CorrelationHit>> forBodies(CorrelationHit hit) {
        List<KeyValue<String, CorrelationHit>> copies = new ArrayList<>();
        for (String body : hit.getHitTo()) {
            CorrelationHit copy = CorrelationHit.newBuilder(hit).setHitTo(new ArrayList<>(List.of(body)))
                    .setNotices(new ArrayList<>()).setWithheld(new ArrayList<>()).build();
            copies.add(KeyValue.pair(hit.getPair(), copy));
        }
        return copies;
    }

    /** One notice per blind notice of the hit, keyed by the agency's own alert ref, for {@link Topics#agencyLinks}. */
    static List<KeyValue<String, CorrelationNotice>> forAgencies(CorrelationHit hit) {
        List<KeyValue<String, CorrelationNotice>> notices = new ArrayList<>();
        for (BlindNotice n : hit.getNotices()) {
            LinkedAlert own = own(hit, n);
            if (own == null) {
                continue;  // a notice about neither side: nothing to tell
            }
            notices.add(KeyValue.pair(n.getAlert(), CorrelationNotice.newBuilder()
                    .setNoticeId(noticeId(hit.getPair()))
                    .setAgency(n.getAgency())
                    .setAlertId(own.getAlertId())
                    .setAlertVersion(own.getVersion())
                    .setStatus(hit.getStatus())
                    .setAskThrough(new ArrayList<>(n.getAskThrough()))
                    .setDecidedAt(hit.getDecidedAt())
                    .build()));
        }
        return notices;
    }

    /** The side the notice is about: the one of the notice's agency and alert. */
    private static LinkedAlert own(CorrelationHit hit, BlindNotice n) {
        for (LinkedAlert side : List.of(hit.getA(), hit.getB())) {
            if (side.getAgency().equals(n.getAgency()) && n.getAlert().equals(side.getAgency() + "/" + side.getAlertId())) {
                return side;
            }
        }
        return null;
    }

    /** The hex SHA-256 of the pair: the same for every record of a link, and it names neither report. */
    static String noticeId(String pair) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
