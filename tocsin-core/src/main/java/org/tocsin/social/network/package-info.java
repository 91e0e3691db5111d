/**
 * From co-actions to clusters: {@link org.tocsin.social.network.Edge}s merge evidence per account pair,
 * {@link org.tocsin.social.network.CoordinationNetwork} filters them, finds Leiden communities and explains each
 * as a {@link org.tocsin.social.network.Cluster}.
 */
@NullMarked
package org.tocsin.social.network;

import org.jspecify.annotations.NullMarked;
