package org.corridor.producer.bulk;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** A file being imported, row by row. */
interface ImportFile extends Closeable {

    /** Column names of the rejected-rows file, before the added {@code row} and {@code reason}. */
    List<String> header();

    /** The rows, read lazily. */
    Iterator<ImportRow> rows();
}
