//! Every Rust block of every chapter, compiled and run by skeptic.
include!(concat!(env!("OUT_DIR"), "/skeptic-tests.rs"));
