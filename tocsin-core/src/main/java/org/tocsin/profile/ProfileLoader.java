package org.tocsin.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a protected profile from YAML; unknown keys are errors, so a typo cannot silently disarm a rule. */
public final class ProfileLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProfileLoader() {
    }

    public static Profile load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    public static Profile load(InputStream in, String name) throws IOException {
        try {
            Profile p = YAML.readValue(in, Profile.class);
            return p == null ? Profile.empty() : p;
        } catch (JsonMappingException e) {
            throw new IOException("invalid profile " + name + ": " + e.getOriginalMessage()
                    + " at " + e.getPathReference(), e);
        }
    }
}
