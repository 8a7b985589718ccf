/** The names of Corridor's topics in one place, so no module spells them by hand. */
package org.corridor.schemas.topics;
