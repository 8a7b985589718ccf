package org.corridor.consumer.taxii;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.KafkaException;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.support.http.HttpParty;
import org.corridor.support.http.taxii.TaxiiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1, read-only, one API root per body ({@code /taxii2/<body>/}) with the collections of {@link Collection}.
 * Only the body itself ({@code FeedsSecurity}, again on each handler); every collection is read with the body's own
 * Kafka principal. Errors are TAXII error messages; 406 for an {@code Accept} that is not TAXII 2.1.
 */
@RestController
class TaxiiController {

    private static final Logger log = LoggerFactory.getLogger(TaxiiController.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How many records of the collection's topic could not be decoded, when some could not: they are not served. */
    static final String UNDECODABLE = "X-Corridor-Undecodable";
    private static final String BODY_ONLY = "hasAuthority('BODY_' + #body)";

    private final TaxiiAccess access;
    private final CollectionReader reader;

    TaxiiController(TaxiiAccess access, SchemaRegistryClient registry) {
        this.access = access;
        this.reader = new CollectionReader(registry, Duration.ofSeconds(20));
    }

    @PreAuthorize("hasRole('BODY')")
    @GetMapping(path = "/taxii2/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> discovery(@AuthenticationPrincipal HttpParty party) {
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/taxii2/{body}/").buildAndExpand(party.id())
                .toUriString();
        ObjectNode d = NODES.objectNode();
        d.put("title", "Corridor");
        d.put("description", "Counter-narcotics trafficking alerts: the API root of each body holds that body's feed only.");
        d.put("default", root);
        d.putArray("api_roots").add(root);
        return ok(d);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> apiRoot(@PathVariable String body) {
        if (access.readerOf(body).isEmpty()) {
            return noApiRoot(body);
        }
        ObjectNode r = NODES.objectNode();
        r.put("title", "Corridor: " + body);
        r.put("description", "What " + body + " received through Corridor, as STIX 2.1.");
        r.putArray("versions").add(Taxii.MEDIA_TYPE);
        r.put("max_content_length", 0);
        return ok(r);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/collections/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> collections(@PathVariable String body) {
        if (access.readerOf(body).isEmpty()) {
            return noApiRoot(body);
        }
        ObjectNode r = NODES.objectNode();
        ArrayNode list = r.putArray("collections");
        for (Collection c : Collection.values()) {
            list.add(collection(body, c));
        }
        return ok(r);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/collections/{id}/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> collection(@PathVariable String body, @PathVariable String id) {
        Optional<Collection> c = Collection.of(body, id);
        if (access.readerOf(body).isEmpty() || c.isEmpty()) {
            return noCollection(body, id);
        }
        return ok(collection(body, c.get()));
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/collections/{id}/objects/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> objects(@PathVariable String body, @PathVariable String id,
                                       @RequestParam MultiValueMap<String, String> params) {
        return page(body, id, params, null, Shape.OBJECTS);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/collections/{id}/objects/{objectId}/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> object(@PathVariable String body, @PathVariable String id, @PathVariable String objectId,
                                      @RequestParam MultiValueMap<String, String> params) {
        return page(body, id, params, objectId, Shape.OBJECTS);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/collections/{id}/objects/{objectId}/versions/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> versions(@PathVariable String body, @PathVariable String id, @PathVariable String objectId,
                                        @RequestParam MultiValueMap<String, String> params) {
        MultiValueMap<String, String> all = new org.springframework.util.LinkedMultiValueMap<>(params);
        all.put("match[version]", List.of("all"));
        return page(body, id, all, objectId, Shape.VERSIONS);
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/collections/{id}/manifest/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> manifest(@PathVariable String body, @PathVariable String id,
                                        @RequestParam MultiValueMap<String, String> params) {
        return page(body, id, params, null, Shape.MANIFEST);
    }

    @PreAuthorize(BODY_ONLY)
    @PostMapping(path = "/taxii2/{body}/collections/{id}/objects/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> add(@PathVariable String body, @PathVariable String id) {
        return TaxiiErrors.of(HttpStatus.FORBIDDEN, "Read-only collection", "a body's collections are read-only (can_write: false)");
    }

    @PreAuthorize(BODY_ONLY)
    @DeleteMapping(path = "/taxii2/{body}/collections/{id}/objects/{objectId}/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> delete(@PathVariable String body, @PathVariable String id, @PathVariable String objectId) {
        return TaxiiErrors.of(HttpStatus.FORBIDDEN, "Read-only collection", "a body's collections are read-only (can_write: false)");
    }

    @PreAuthorize(BODY_ONLY)
    @GetMapping(path = "/taxii2/{body}/status/{statusId}/", produces = Taxii.MEDIA_TYPE)
    ResponseEntity<ObjectNode> status(@PathVariable String body, @PathVariable String statusId) {
        return TaxiiErrors.of(HttpStatus.NOT_FOUND, "No such status", "this API root accepts no writes, so it has no status " + statusId);
    }

    private enum Shape { OBJECTS, VERSIONS, MANIFEST }

    private ResponseEntity<ObjectNode> page(String body, String id, Map<String, List<String>> params, String objectId, Shape shape) {
        Optional<Map<String, Object>> settings = access.readerOf(body);
        Optional<Collection> c = Collection.of(body, id);
        if (settings.isEmpty() || c.isEmpty()) {
            return noCollection(body, id);
        }
        ObjectQuery query;
        PageToken token;
        try {
            query = ObjectQuery.parse(params, objectId);
            token = query.next() == null ? null : PageToken.decode(query.next(), query.key());
        } catch (IllegalArgumentException e) {
            return TaxiiErrors.of(HttpStatus.BAD_REQUEST, "Bad filter", e.getMessage());
        }
        CollectionReader.Read read;
        try {
            read = reader.read(settings.get(), body, c.get(), token == null ? null : token.end());
        } catch (IllegalArgumentException e) {
            return TaxiiErrors.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Page no longer available", "next: " + e.getMessage());
        } catch (KafkaException e) {
            ResponseEntity<ObjectNode> unavailable = TaxiiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "Not now",
                    "the collection could not be read now: " + e.getMessage() + "; try again");
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "5").body(unavailable.getBody());
        }
        List<Stored> selected = query.select(read.objects());
        if (objectId != null && selected.isEmpty()) {
            return TaxiiErrors.of(HttpStatus.NOT_FOUND, "No such object", "no " + objectId + " in this collection matches");
        }
        ObjectQuery.Page p;
        try {
            p = query.page(selected, token == null ? 0 : token.served(), read.end());
        } catch (ObjectQuery.PageBeyondEnd e) {
            return TaxiiErrors.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Page beyond the end", e.getMessage());
        }
        ObjectNode env = NODES.objectNode();
        env.put("more", p.more());
        if (p.next() != null) {
            env.put("next", p.next());
        }
        if (!p.items().isEmpty()) {
            ArrayNode list = env.putArray(shape == Shape.VERSIONS ? "versions" : "objects");
            for (Stored s : p.items()) {
                switch (shape) {
                    case OBJECTS -> list.add(s.object());
                    case VERSIONS -> list.add(s.version());
                    case MANIFEST -> list.addObject().put("id", s.id()).put("date_added", Taxii.time(s.dateAdded()))
                            .put("version", s.version()).put("media_type", Taxii.STIX_MEDIA_TYPE);
                }
            }
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.parseMediaType(Taxii.MEDIA_TYPE));
        if (read.undecodable() > 0) {
            log.warn("taxii: {} records of {}'s {} collection could not be decoded and are not served", read.undecodable(),
                    body, c.get().alias());
            answer.header(UNDECODABLE, String.valueOf(read.undecodable()));
        }
        if (!p.items().isEmpty()) {
            answer.header("X-TAXII-Date-Added-First", Taxii.time(p.items().get(0).dateAdded()));
            answer.header("X-TAXII-Date-Added-Last", Taxii.time(p.items().get(p.items().size() - 1).dateAdded()));
        }
        return answer.body(env);
    }

    private static ObjectNode collection(String body, Collection c) {
        ObjectNode o = NODES.objectNode();
        o.put("id", c.id(body));
        o.put("title", c.title());
        o.put("description", c.description());
        o.put("alias", c.alias());
        o.put("can_read", true);
        o.put("can_write", false);
        o.putArray("media_types").add(Taxii.STIX_MEDIA_TYPE);
        return o;
    }

    private static ResponseEntity<ObjectNode> noApiRoot(String body) {
        return TaxiiErrors.of(HttpStatus.NOT_FOUND, "No such API root", body + " is not served here");
    }

    private static ResponseEntity<ObjectNode> noCollection(String body, String id) {
        return TaxiiErrors.of(HttpStatus.NOT_FOUND, "No such collection", "no collection " + id + " in " + body + "'s API root");
    }

    private static ResponseEntity<ObjectNode> ok(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Taxii.MEDIA_TYPE)).body(body);
    }
}
