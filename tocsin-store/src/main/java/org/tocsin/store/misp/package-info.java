/** MISP events out of the store ({@code MispEvent}) and back in ({@code MispImport}). */
package org.tocsin.store.misp;
