package org.corridor.schemas.reference;

/** The two tables of precursors of the 1988 UN Convention against Illicit Traffic. */
public enum PrecursorTable {
    I, II
}
