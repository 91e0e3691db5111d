package org.tocsin.email.rules;

import java.util.List;
import org.tocsin.email.EmailContext;
import org.tocsin.email.MessageView;
import org.tocsin.signal.Signal;

/** One aspect of a message, examined without side effects. */
public interface EmailRule {
    void apply(MessageView view, EmailContext context, List<Signal> out);
}
