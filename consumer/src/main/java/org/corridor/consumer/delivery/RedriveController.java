package org.corridor.consumer.delivery;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API of the subscribers: {@code POST /api/v1/feeds/{body}/redrive} re-delivers the body's parked alerts. */
@RestController
class RedriveController {

    private final Redriver redriver;

    RedriveController(Redriver redriver) {
        this.redriver = redriver;
    }

    @PostMapping("/api/v1/feeds/{body}/redrive")
    ResponseEntity<?> redrive(@PathVariable String body) {
        try {
            return ResponseEntity.ok(redriver.redrive(body));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(404).body(java.util.Map.of("error", e.getMessage()));
        }
    }
}
