package dev.mcpoauth.core;

import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the implementation of each pluggable slot (store, login page, transport), the same way for
 * every slot:
 * <ol>
 *   <li>an instance given to the builder wins, and nothing is discovered;</li>
 *   <li>else a provider id from the builder, the system property {@code mcpoauth.<slot>} or the
 *       environment variable {@code MCPOAUTH_<SLOT>}, in that order; an unknown id fails, listing
 *       the ids available;</li>
 *   <li>else the discovered provider with the highest weight; a tie at the top fails and says how
 *       to choose;</li>
 *   <li>else the slot's fallback (the in-memory store, with a WARN), or a failure saying what to add.</li>
 * </ol>
 * Two providers of one slot with the same id always fail. Discovery ({@link ServiceLoader}) can be
 * switched off, leaving only instances and fallbacks. Every choice is logged once at INFO with the
 * candidates it ignored. Thread safe.
 */
final class ProviderSelector {

    private static final System.Logger LOG = System.getLogger(ProviderSelector.class.getName());

    /** How a provider was chosen. */
    public enum Source {
        /** An instance was given to the builder. */
        INSTANCE,
        /** By the id given to the builder. */
        BUILDER_ID,
        /** By the id in the system property. */
        SYSTEM_PROPERTY,
        /** By the id in the environment variable. */
        ENVIRONMENT,
        /** The discovered provider with the highest weight. */
        WEIGHT,
        /** Nothing was discovered: the slot's fallback. */
        FALLBACK
    }

    /**
     * A chosen provider.
     *
     * @param provider the provider; empty only when an instance was given
     * @param source   how it was chosen
     * @param ignored  the ids of the candidates not chosen
     * @param message  the line logged about the choice
     * @param <P>      the provider interface
     */
    public record Choice<P extends ProviderFactory>(Optional<P> provider, Source source, List<String> ignored,
                                                    String message) {
    }

    private final boolean discovery;
    private final Function<String, Optional<String>> systemProperties;
    private final Function<String, Optional<String>> environment;

    /**
     * Creates a selector.
     *
     * @param discovery        whether to look for providers with {@link ServiceLoader}
     * @param systemProperties looks up a system property
     * @param environment      looks up an environment variable
     */
    public ProviderSelector(boolean discovery, Function<String, Optional<String>> systemProperties,
                            Function<String, Optional<String>> environment) {
        this.discovery = discovery;
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A selector reading the real system properties and environment. */
    public static ProviderSelector fromSystem(boolean discovery) {
        return new ProviderSelector(discovery, name -> Optional.ofNullable(System.getProperty(name)),
                name -> Optional.ofNullable(System.getenv(name)));
    }

    /**
     * Resolves a slot to the object the server uses.
     *
     * @param slot        the slot
     * @param instance    the object given to the builder, if any
     * @param requestedId the provider id given to the builder, if any
     * @param create      creates the object from the chosen provider
     * @param <P>         the provider interface
     * @param <T>         the object's type
     * @return the instance, or the chosen provider's product
     * @throws ProviderConfigurationException when no provider can be chosen
     */
    public <P extends ProviderFactory, T> T resolve(ProviderSlot<P> slot, Optional<T> instance,
                                                    Optional<String> requestedId, Function<P, T> create) {
        if (instance.isPresent()) {
            String message = slot.name() + ": using the " + slot.product() + " given to the builder ("
                    + instance.get().getClass().getName() + ")";
            LOG.log(System.Logger.Level.INFO, message);
            return instance.get();
        }
        return create.apply(choose(slot, requestedId).provider().orElseThrow());
    }

    /**
     * Chooses a provider among the discovered ones.
     *
     * @param slot        the slot
     * @param requestedId the provider id given to the builder, if any
     * @param <P>         the provider interface
     * @return the choice
     * @throws ProviderConfigurationException when no provider can be chosen
     */
    public <P extends ProviderFactory> Choice<P> choose(ProviderSlot<P> slot, Optional<String> requestedId) {
        return choose(slot, requestedId, discovery ? discover(slot) : List.of());
    }

    /**
     * Chooses a provider among given candidates, as {@link #choose(ProviderSlot, Optional)} does
     * among discovered ones.
     */
    public <P extends ProviderFactory> Choice<P> choose(ProviderSlot<P> slot, Optional<String> requestedId,
                                                        List<P> discovered) {
        Map<String, P> byId = byId(slot, discovered);
        Optional<Map.Entry<Source, String>> asked = requestedId(slot, requestedId);
        Choice<P> choice;
        if (asked.isPresent()) {
            String id = asked.get().getValue();
            P chosen = Optional.ofNullable(byId.get(id)).or(() -> slot.fallback().filter(f -> f.id().equals(id)))
                    .orElseThrow(() -> new ProviderConfigurationException("no " + slot.product() + " provider has id '"
                            + id + "' (asked by " + describe(slot, asked.get().getKey()) + "); available: "
                            + available(slot, byId) + ". To get another, " + slot.hint() + "."));
            choice = choice(slot, chosen, asked.get().getKey(), byId);
        } else if (byId.isEmpty()) {
            P fallback = slot.fallback().orElseThrow(() -> new ProviderConfigurationException("no " + slot.product()
                    + " provider found" + (discovery ? "" : " (provider discovery is off)") + ": " + slot.hint() + "."));
            choice = choice(slot, fallback, Source.FALLBACK, byId);
        } else {
            choice = choice(slot, heaviest(slot, byId.values()), Source.WEIGHT, byId);
        }
        LOG.log(choice.source() == Source.FALLBACK ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                choice.message());
        return choice;
    }

    private <P extends ProviderFactory> List<P> discover(ProviderSlot<P> slot) {
        List<P> found = new ArrayList<>();
        try {
            for (P provider : ServiceLoader.load(slot.type())) {
                found.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new ProviderConfigurationException("a " + slot.product() + " provider could not be loaded: "
                    + e.getMessage(), e);
        }
        return found;
    }

    private static <P extends ProviderFactory> Map<String, P> byId(ProviderSlot<P> slot, List<P> discovered) {
        Map<String, P> byId = new LinkedHashMap<>();
        for (P provider : discovered) {
            P previous = byId.putIfAbsent(provider.id(), provider);
            if (previous != null) {
                throw new ProviderConfigurationException("two " + slot.product() + " providers have the id '"
                        + provider.id() + "': " + previous.getClass().getName() + " and "
                        + provider.getClass().getName() + "; remove one of their modules from the path");
            }
        }
        return byId;
    }

    private Optional<Map.Entry<Source, String>> requestedId(ProviderSlot<?> slot, Optional<String> builderId) {
        return builderId.map(String::trim).filter(id -> !id.isEmpty()).map(id -> Map.entry(Source.BUILDER_ID, id))
                .or(() -> systemProperties.apply(slot.systemProperty()).map(String::trim).filter(id -> !id.isEmpty())
                        .map(id -> Map.entry(Source.SYSTEM_PROPERTY, id)))
                .or(() -> environment.apply(slot.environmentVariable()).map(String::trim).filter(id -> !id.isEmpty())
                        .map(id -> Map.entry(Source.ENVIRONMENT, id)));
    }

    private static <P extends ProviderFactory> P heaviest(ProviderSlot<P> slot, java.util.Collection<P> candidates) {
        int top = candidates.stream().mapToInt(ProviderFactory::weight).max().orElseThrow();
        List<P> best = candidates.stream().filter(p -> p.weight() == top).toList();
        if (best.size() > 1) {
            throw new ProviderConfigurationException(best.size() + " " + slot.product()
                    + " providers have the highest weight " + top + ": "
                    + best.stream().map(p -> p.id() + " (" + p.getClass().getName() + ")").collect(Collectors.joining(", "))
                    + ". Choose one with the builder, the system property -D" + slot.systemProperty()
                    + "=<id> or the environment variable " + slot.environmentVariable() + "=<id>.");
        }
        return best.getFirst();
    }

    private static <P extends ProviderFactory> Choice<P> choice(ProviderSlot<P> slot, P chosen, Source source,
                                                                Map<String, P> byId) {
        List<String> ignored = byId.values().stream().filter(p -> p != chosen)
                .sorted(Comparator.comparing(ProviderFactory::id)).map(p -> p.id() + "@" + p.weight()).toList();
        String message = switch (source) {
            case FALLBACK -> slot.name() + ": no " + slot.product() + " provider found; using '" + chosen.id()
                    + "'. For the store this means everything is lost at restart: " + slot.hint() + ".";
            default -> slot.name() + ": using '" + chosen.id() + "' (" + chosen.getClass().getName() + "), chosen by "
                    + describe(slot, source) + (ignored.isEmpty() ? "" : "; ignored " + ignored);
        };
        return new Choice<>(Optional.of(chosen), source, ignored, message);
    }

    private static String describe(ProviderSlot<?> slot, Source source) {
        return switch (source) {
            case BUILDER_ID -> "the builder";
            case SYSTEM_PROPERTY -> "the system property " + slot.systemProperty();
            case ENVIRONMENT -> "the environment variable " + slot.environmentVariable();
            case WEIGHT -> "the highest weight";
            case INSTANCE -> "an instance given to the builder";
            case FALLBACK -> "fallback";
        };
    }

    private static String available(ProviderSlot<?> slot, Map<String, ? extends ProviderFactory> byId) {
        List<String> ids = new ArrayList<>(byId.keySet());
        slot.fallback().ifPresent(f -> ids.add(f.id()));
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
