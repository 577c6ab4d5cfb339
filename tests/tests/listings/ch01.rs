//! Chapter 1: Parallel Processing.
use super::*;

listings! {
    ch01_01_hand_made_event_loop: Listing {
        rules: &[Rule::Range { pattern: r"\b(\d{5})\b", min: 10000.0, max: 20000.0 }],
        ..example()
    },
}
