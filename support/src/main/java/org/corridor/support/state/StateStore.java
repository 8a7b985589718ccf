package org.corridor.support.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's view of its topics on local disk (RocksDB), so no per-alert state lives in the heap: values by string
 * key, and the checkpoint of the topics the view was built from (the next offset of each partition, each topic's id and
 * the format of the values), which {@link StoreFollower} resumes from, so a restart reads only what changed. The topic
 * stays the source of truth: a store whose topics were recreated, or whose format changed, is emptied and rebuilt.
 * <p>
 * Memory: every store of the JVM shares one block cache of {@value #BLOCK_CACHE_MB} MiB for data blocks, and each keeps
 * at most two write buffers of {@value #WRITE_BUFFER_MB} MiB, all outside the Java heap. The Bloom filters and indexes
 * of the store's files stay in memory beside the cache (about 1.5 bytes per key: 15 MiB for 10 million keys), so a
 * lookup never waits for them: kept in the shared cache, the data blocks of three stores of 10 million keys each
 * evicted them, and every lookup read and parsed filter blocks again (the views fell to some 600 records/s). Writes go to RocksDB's write-ahead log
 * without a sync: a crashed process loses nothing, a crashed machine at most the last writes, which the checkpoint
 * (written after the values it covers) makes the view read again from the topic.
 * <p>
 * A thread may gather its writes in a batch ({@link #beginBatch()}): it reads its own writes, other threads see them
 * only once {@link #checkpoint} writes them and the checkpoint in one atomic write, with each key written once however
 * often it changed. A view that is the only writer of its keys does so ({@link StoreFollower}), one batch per poll.
 * <p>
 * A store without a directory ({@link #temporary}) lives in a fresh temporary directory deleted at {@link #close()}:
 * bounded memory as well, rebuilt from the topic on each start. Thread-safe; {@link #update} is atomic per key.
 */
public final class StateStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);
    static final int BLOCK_CACHE_MB = 64;
    static final int WRITE_BUFFER_MB = 4;
    private static final int STRIPES = 64;
    private static final byte[] END_OF_KEYS = {(byte) 0xFF};  // never a byte of UTF-8: after every key
    private static final String POSITION = "position/";
    private static final String TOPIC_ID = "topic-id/";
    private static final String FORMAT = "format";
    private static final Cache BLOCK_CACHE;
    private static final byte[] DELETED = new byte[0];  // in a batch, by identity: the key is deleted

    static {
        RocksDB.loadLibrary();
        BLOCK_CACHE = new LRUCache(BLOCK_CACHE_MB * 1024L * 1024L);
    }

    private final Path dir;
    private final boolean temporary;
    private final DBOptions options;
    private final ColumnFamilyOptions columnOptions;
    private final WriteOptions writeOptions = new WriteOptions();
    private final RocksDB db;
    private final ColumnFamilyHandle values;
    private final ColumnFamilyHandle meta;
    private final Object[] stripes = new Object[STRIPES];
    // Every use of the database holds the read lock, closing it the write lock: RocksDB's handles must not be used
    // once closed (the native side would crash the JVM), so a late call fails with an exception instead.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    private final ThreadLocal<Map<String, byte[]>> batch = new ThreadLocal<>();
    private volatile Thread batchOwner;

    private StateStore(Path dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("state store " + dir + ": cannot create the directory", e);
        }
        options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2).setKeepLogFileNum(2);
        columnOptions = new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_MB * 1024L * 1024L).setMaxWriteBufferNumber(2)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(BLOCK_CACHE)
                        .setFilterPolicy(new BloomFilter(10)).setCacheIndexAndFilterBlocks(false));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            db = RocksDB.open(options, dir.toString(), List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions),
                    new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8), columnOptions)), handles);
        } catch (RocksDBException e) {
            options.close();
            columnOptions.close();
            throw new IllegalStateException("state store " + dir + ": cannot open (" + e.getMessage()
                    + "); is another process using it?", e);
        }
        values = handles.get(0);
        meta = handles.get(1);
    }

    /** The store in {@code dir} (created if missing), or a {@link #temporary} one when {@code dir} is null. */
    public static StateStore open(Path dir, String name) {
        return dir == null ? temporary(name) : new StateStore(dir, false);
    }

    /** A store in a fresh temporary directory, deleted at {@link #close()}. */
    public static StateStore temporary(String name) {
        try {
            return new StateStore(Files.createTempDirectory("corridor-state-" + name + "-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("state store " + name + ": cannot create a temporary directory", e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Whether the store lives only as long as this process (no directory was configured). */
    public boolean isTemporary() {
        return temporary;
    }

    /**
     * Gathers this thread's writes until its next {@link #checkpoint}, which writes them with the checkpoint at once;
     * does nothing when a batch is open already. Scans ({@link #forEach}, {@link #scan}) see only what was written.
     */
    public void beginBatch() {
        if (batch.get() == null) {
            Thread owner = batchOwner;
            if (owner != null) {
                throw new IllegalStateException("state store " + dir + ": thread " + owner.getName()
                        + " already gathers a batch; one thread at a time writes a batched store");
            }
            batch.set(new HashMap<>());
            batchOwner = Thread.currentThread();
        }
    }

    private void endBatch() {
        if (batch.get() != null) {
            batch.remove();
            batchOwner = null;
        }
    }

    /** A write of another thread while one gathers a batch would be overwritten by it: refused. */
    private void refuseWhileAnotherBatches() {
        Thread owner = batchOwner;
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException("state store " + dir + ": thread " + owner.getName()
                    + " gathers a batch; only it writes this store");
        }
    }

    /** The value of the key, or null (this thread's batch first, when it has one). */
    public byte[] get(String key) {
        Map<String, byte[]> pending = batch.get();
        if (pending != null) {
            byte[] v = pending.get(key);
            if (v != null) {
                return v == DELETED ? null : v;
            }
        }
        open();
        try {
            return db.get(values, bytes(key));
        } catch (RocksDBException e) {
            throw failed("read " + key, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    public void put(String key, byte[] value) {
        Map<String, byte[]> pending = batch.get();
        if (pending != null) {
            pending.put(key, value);
            return;
        }
        refuseWhileAnotherBatches();
        open();
        try {
            db.put(values, writeOptions, bytes(key), value);
        } catch (RocksDBException e) {
            throw failed("write " + key, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    public void delete(String key) {
        Map<String, byte[]> pending = batch.get();
        if (pending != null) {
            pending.put(key, DELETED);
            return;
        }
        refuseWhileAnotherBatches();
        open();
        try {
            db.delete(values, writeOptions, bytes(key));
        } catch (RocksDBException e) {
            throw failed("delete " + key, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Replaces the value of the key by what {@code change} makes of it (given null when there is none; returning null
     * deletes it), atomically against every other {@code update} of the same key.
     *
     * @return the new value
     */
    public byte[] update(String key, UnaryOperator<byte[]> change) {
        synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
            byte[] next = change.apply(get(key));
            if (next == null) {
                delete(key);
            } else {
                put(key, next);
            }
            return next;
        }
    }

    /** Hands every key that starts with {@code prefix} and its value to {@code each}, in key order. */
    public void forEach(String prefix, BiConsumer<String, byte[]> each) {
        scan(prefix, (key, value) -> {
            each.accept(key, value);
            return true;
        });
    }

    /**
     * Hands the keys that start with {@code prefix} and their values to {@code each}, in key order, until it returns
     * false.
     */
    public void scan(String prefix, BiPredicate<String, byte[]> each) {
        open();
        try {
            byte[] start = bytes(prefix);
            try (RocksIterator it = db.newIterator(values)) {
                for (it.seek(start); it.isValid() && startsWith(it.key(), start); it.next()) {
                    if (!each.test(new String(it.key(), StandardCharsets.UTF_8), it.value())) {
                        return;
                    }
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** RocksDB's estimate of the number of keys. */
    public long approximateKeys() {
        open();
        try {
            return db.getLongProperty(values, "rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw failed("count keys", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The checkpoint: the next offset to read of each partition the view has read from. */
    public Map<TopicPartition, Long> positions() {
        open();
        try {
            Map<TopicPartition, Long> positions = new HashMap<>();
            byte[] start = bytes(POSITION);
            try (RocksIterator it = db.newIterator(meta)) {
                for (it.seek(start); it.isValid() && startsWith(it.key(), start); it.next()) {
                    String tp = new String(it.key(), StandardCharsets.UTF_8).substring(POSITION.length());
                    int slash = tp.lastIndexOf('/');
                    positions.put(new TopicPartition(tp.substring(0, slash), Integer.parseInt(tp.substring(slash + 1))),
                            ByteBuffer.wrap(it.value()).getLong());
                }
            }
            return positions;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Records the checkpoint of these partitions (others keep theirs), in one atomic write with this thread's batch,
     * which it closes.
     */
    public void checkpoint(Map<TopicPartition, Long> next) {
        Map<String, byte[]> pending = batch.get();
        open();
        try {
            try (WriteBatch batch = new WriteBatch()) {
                if (pending != null) {
                    for (Map.Entry<String, byte[]> e : pending.entrySet()) {
                        if (e.getValue() == DELETED) {
                            batch.delete(values, bytes(e.getKey()));
                        } else {
                            batch.put(values, bytes(e.getKey()), e.getValue());
                        }
                    }
                }
                for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                    batch.put(meta, bytes(POSITION + e.getKey().topic() + "/" + e.getKey().partition()),
                            ByteBuffer.allocate(Long.BYTES).putLong(e.getValue()).array());
                }
                db.write(writeOptions, batch);
                // Only once written: a failed write keeps the batch for the next checkpoint to write.
                endBatch();
            } catch (RocksDBException e) {
                throw failed("write the checkpoint", e);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The id of the topic the view was built from, or null. */
    public String topicId(String topic) {
        return metaValue(TOPIC_ID + topic);
    }

    public void topicId(String topic, String id) {
        metaValue(TOPIC_ID + topic, id);
    }

    /** The format of the values, as the view that wrote them named it, or null for an empty store. */
    public String format() {
        return metaValue(FORMAT);
    }

    public void format(String format) {
        metaValue(FORMAT, format);
    }

    /** Removes every value and the whole checkpoint: the view is rebuilt from the start of its topics. */
    public void clear() {
        refuseWhileAnotherBatches();
        endBatch();
        open();
        try {
            db.deleteRange(values, writeOptions, new byte[0], END_OF_KEYS);
            db.deleteRange(meta, writeOptions, new byte[0], END_OF_KEYS);
        } catch (RocksDBException e) {
            throw failed("clear", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private String metaValue(String key) {
        open();
        try {
            byte[] v = db.get(meta, bytes(key));
            return v == null ? null : new String(v, StandardCharsets.UTF_8);
        } catch (RocksDBException e) {
            throw failed("read " + key, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void metaValue(String key, String value) {
        open();
        try {
            db.put(meta, writeOptions, bytes(key), bytes(value));
        } catch (RocksDBException e) {
            throw failed("write " + key, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void open() {
        lifecycle.readLock().lock();
        if (closed) {
            lifecycle.readLock().unlock();
            throw new IllegalStateException("state store " + dir + " is closed");
        }
    }

    private IllegalStateException failed(String what, RocksDBException e) {
        return new IllegalStateException("state store " + dir + ": cannot " + what + ": " + e.getMessage(), e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Flushes and closes the store; a temporary one is deleted. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeDatabase();
        } finally {
            lifecycle.writeLock().unlock();
        }
        if (temporary) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("state store {}: could not delete the temporary directory: {}", dir, e.toString());
            }
        }
    }

    private void closeDatabase() {
        try {
            db.flushWal(true);
        } catch (RocksDBException e) {
            log.warn("state store {}: flushing the write-ahead log failed: {}", dir, e.getMessage());
        }
        values.close();
        meta.close();
        db.close();
        writeOptions.close();
        columnOptions.close();
        options.close();
    }
}
