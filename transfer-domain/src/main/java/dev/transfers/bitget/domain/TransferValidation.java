package dev.transfers.bitget.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a {@link Transfer}'s Jakarta Bean Validation constraints and turns violations into one
 * {@link InvalidTransferException}.
 *
 * <p>The validator is built once per process, on first use (bootstrap costs hundreds of
 * milliseconds). Messages are plain text written on the constraints, so no Expression Language
 * implementation is needed.
 */
final class TransferValidation {

    private TransferValidation() {
    }

    private static final class Holder {
        private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new LiteralMessages())
                .buildValidatorFactory();
        private static final Validator VALIDATOR = FACTORY.getValidator();
    }

    static List<InvalidTransferException.Violation> violationsOf(Transfer transfer) {
        Set<ConstraintViolation<Transfer>> found = Holder.VALIDATOR.validate(transfer);
        return found.stream()
                .map(v -> new InvalidTransferException.Violation(fieldOf(v), v.getMessage()))
                .toList();
    }

    static void requireValid(Transfer transfer) {
        List<InvalidTransferException.Violation> violations = violationsOf(transfer);
        if (!violations.isEmpty()) {
            throw new InvalidTransferException(violations);
        }
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() ? "transfer" : path;
    }

    /** Uses each constraint's message as written: they are plain sentences without parameters. */
    private static final class LiteralMessages implements MessageInterpolator {
        @Override
        public String interpolate(String messageTemplate, Context context) {
            return messageTemplate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            return messageTemplate;
        }
    }
}
