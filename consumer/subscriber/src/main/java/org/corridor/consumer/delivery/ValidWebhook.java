package org.corridor.consumer.delivery;

import org.corridor.support.webhook.WebhookUrl;
import org.corridor.support.webhook.WebhookSignature;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link SubscriberProperties.Webhook} whose URL is allowed ({@link WebhookUrl}) and whose secret gives a usable key
 * ({@link WebhookSignature#ofSecret}). Each problem is reported on its own property
 * ({@code corridor.subscriber.webhooks[UNODC].url}), so a bad setting stops the start naming the key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidWebhook.Validator.class)
public @interface ValidWebhook {

    String message() default "is not a usable webhook";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Adapts the pure checks to Bean Validation. */
    final class Validator implements ConstraintValidator<ValidWebhook, SubscriberProperties.Webhook> {

        @Override
        public boolean isValid(SubscriberProperties.Webhook hook, ConstraintValidatorContext context) {
            if (hook == null) {
                return true;
            }
            Optional<String> url = WebhookUrl.problem(hook.url());
            Optional<String> secret = secretProblem(hook.secret());
            if (url.isEmpty() && secret.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            url.ifPresent(p -> violation(context, "url", p));
            secret.ifPresent(p -> violation(context, "secret", p));
            return false;
        }

        private static Optional<String> secretProblem(String secret) {
            try {
                WebhookSignature.ofSecret(secret);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }

        private static void violation(ConstraintValidatorContext context, String property, String message) {
            // Escaped: the message is a template, and a URL could hold braces.
            String template = message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
            context.buildConstraintViolationWithTemplate(template).addPropertyNode(property).addConstraintViolation();
        }
    }
}
