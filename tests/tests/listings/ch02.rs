//! Chapter 2.
#[allow(unused_imports)]
use super::*;

listings! {}
