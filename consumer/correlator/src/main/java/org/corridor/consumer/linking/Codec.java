package org.corridor.consumer.linking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.Link;
import org.corridor.consumer.correlation.Quantities;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;

/**
 * The binary form of the values that go through the topology for every blocking key (a report filed, compared, passed
 * on): read and written tens of times per alert, so not JSON. Only the correlator writes and reads it, in its own
 * repartition topics and stores; the first byte is the format's version, so a correlator reading another version
 * refuses it instead of misreading it.
 */
final class Codec {

    /** 2 added {@code releasableTo} to the released markings; 1 is still read (as no list). */
    private static final byte VERSION = 2;

    private Codec() {
    }

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in, int format) throws IOException;
    }

    static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version < 1 || version > VERSION) {
                    throw new SerializationException("correlator value of format " + version + ", this correlator reads 1 to " + VERSION);
                }
                return reader.read(in, version);
            } catch (IOException e) {
                throw new SerializationException("a correlator value that cannot be read: " + e, e);
            }
        });
    }

    static final Serde<ShardOp> SHARD_OP = serde((out, op) -> {
        out.writeInt(op.shard());
        writeStrings(out, op.entering());
        writeStrings(out, op.leaving());
        writeReport(out, op.report());
    }, (in, format) -> {
        int shard = in.readInt();
        List<String> entering = readStrings(in);
        List<String> leaving = readStrings(in);
        return new ShardOp(shard, readReport(in, format), entering, leaving);
    });

    static final Serde<Block.Member> MEMBER = serde((out, m) -> {
        out.writeLong(m.at());
        writeReport(out, m.report());
    }, (in, format) -> {
        long at = in.readLong();
        return new Block.Member(readReport(in, format), at);
    });

    /**
     * A key's entry for a report. An entry of eight bytes is the filing time alone, as correlators before footprints
     * kept it (a long); this format is never eight bytes long (its version byte and filing time already are nine).
     */
    static final Serde<Block.Filing> FILING = readingLongToo(serde((out, f) -> {
        out.writeLong(f.at());
        out.writeBoolean(f.footprint() != null);
        if (f.footprint() != null) {
            Footprint p = f.footprint();
            out.writeLong(p.day());
            writeStrings(out, p.countries());
            out.writeInt(p.amounts().size());
            for (Quantities.Measure m : p.amounts()) {
                writeMeasure(out, m);
            }
        }
    }, (in, format) -> {
        long at = in.readLong();
        if (!in.readBoolean()) {
            return new Block.Filing(at, null);
        }
        long day = in.readLong();
        List<String> countries = readStrings(in);
        int n = in.readInt();
        List<Quantities.Measure> amounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            amounts.add(readMeasure(in));
        }
        return new Block.Filing(at, new Footprint(day, countries, amounts));
    }));

    private static Serde<Block.Filing> readingLongToo(Serde<Block.Filing> binary) {
        var longs = Serdes.Long().deserializer();
        return Serdes.serdeFrom(binary.serializer(), (topic, data) -> data != null && data.length == Long.BYTES
                ? new Block.Filing(longs.deserialize(topic, data), null) : binary.deserializer().deserialize(topic, data));
    }

    static final Serde<Verdict> VERDICT = serde((out, v) -> {
        out.writeUTF(v.pair());
        writeReport(out, v.a());
        writeReport(out, v.b());
        out.writeByte(v.kind() == null ? -1 : v.kind().ordinal());
        out.writeDouble(v.score());
        writeStrings(out, v.keys());
        writeNullable(out, v.reason());
    }, (in, format) -> {
        String pair = in.readUTF();
        Report a = readReport(in, format);
        Report b = readReport(in, format);
        byte kind = in.readByte();
        double score = in.readDouble();
        List<String> keys = readStrings(in);
        String reason = readNullable(in);
        return new Verdict(pair, a, b, kind < 0 ? null : Link.Kind.values()[kind], score, keys, reason);
    });

    /**
     * The latest routed version of an alert and its keys, once per version. Still reads the JSON that correlators
     * before this format kept in that store ({@code {} is no format version), so an upgrade keeps its state.
     */
    static final Serde<Latest> LATEST = readingJsonToo(serde((out, l) -> {
        out.writeInt(l.version());
        writeStrings(out, l.blocks());
    }, (in, format) -> new Latest(in.readInt(), new HashSet<>(readStrings(in)))), Latest.class);

    private static <T> Serde<T> readingJsonToo(Serde<T> binary, Class<T> type) {
        Serde<T> json = Json.serde(type);
        return Serdes.serdeFrom(binary.serializer(), (topic, data) -> data != null && data.length > 0 && data[0] == '{'
                ? json.deserializer().deserialize(topic, data) : binary.deserializer().deserialize(topic, data));
    }

    /** A report; its {@code released} may be null (an alert's facts before its decision). */
    static void writeReport(DataOutputStream out, Report r) throws IOException {
        out.writeUTF(r.agency());
        out.writeUTF(r.agencyCountry());
        out.writeLong(r.alertId().getMostSignificantBits());
        out.writeLong(r.alertId().getLeastSignificantBits());
        out.writeInt(r.version());
        out.writeBoolean(r.retracted());
        out.writeLong(r.occurredOn().toEpochDay());
        out.writeInt(r.substances().size());
        for (Report.Amount a : r.substances()) {
            out.writeUTF(a.identity());
            out.writeUTF(a.name());
            writeMeasure(out, a.amount());
        }
        writeStrings(out, r.countries());
        writeStrings(out, r.keys());
        out.writeBoolean(r.released() != null);
        if (r.released() != null) {
            writeReleased(out, r.released());
        }
    }

    static Report readReport(DataInputStream in, int format) throws IOException {
        String agency = in.readUTF();
        String country = in.readUTF();
        UUID id = new UUID(in.readLong(), in.readLong());
        int version = in.readInt();
        boolean retracted = in.readBoolean();
        LocalDate occurredOn = LocalDate.ofEpochDay(in.readLong());
        int n = in.readInt();
        List<Report.Amount> amounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String identity = in.readUTF();
            String name = in.readUTF();
            amounts.add(new Report.Amount(identity, name, readMeasure(in)));
        }
        Set<String> countries = new HashSet<>(readStrings(in));
        Set<String> keys = new HashSet<>(readStrings(in));
        Report.Released released = in.readBoolean() ? readReleased(in, format) : null;
        return new Report(agency, country, id, version, retracted, occurredOn, amounts, countries, keys, released);
    }

    private static void writeMeasure(DataOutputStream out, Quantities.Measure m) throws IOException {
        out.writeByte(m == null ? -1 : m.dimension().ordinal());
        if (m != null) {
            out.writeDouble(m.base());
        }
    }

    private static Quantities.Measure readMeasure(DataInputStream in) throws IOException {
        byte dimension = in.readByte();
        return dimension < 0 ? null : new Quantities.Measure(Quantities.Dimension.values()[dimension], in.readDouble());
    }

    private static void writeReleased(DataOutputStream out, Report.Released r) throws IOException {
        writeStrings(out, r.recipients());
        out.writeUTF(r.tlp().name());
        out.writeUTF(r.handlingCode().name());
        writeStrings(out, r.notReleasableTo());
        out.writeBoolean(r.releasableTo() != null);
        if (r.releasableTo() != null) {
            writeStrings(out, r.releasableTo());
        }
    }

    private static Report.Released readReleased(DataInputStream in, int format) throws IOException {
        Set<String> recipients = new HashSet<>(readStrings(in));
        Tlp tlp = Tlp.valueOf(in.readUTF());
        HandlingCode code = HandlingCode.valueOf(in.readUTF());
        Set<String> notReleasable = new HashSet<>(readStrings(in));
        Set<String> releasable = format >= 2 && in.readBoolean() ? new HashSet<>(readStrings(in)) : null;
        return new Report.Released(recipients, tlp, code, notReleasable, releasable);
    }

    private static void writeStrings(DataOutputStream out, java.util.Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
