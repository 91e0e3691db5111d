/**
 * The protected profile: the organisations, people and contacts a deployment defends, read from
 * YAML. Every analyzer reads the same profile; nothing about who is defended is written in code.
 */
@NullMarked
package org.tocsin.profile;

import org.jspecify.annotations.NullMarked;
