//! The workspace's tests live in `tests/`; this library only makes the README's code samples
//! compile as doctests, so the README cannot drift from the generated client's API.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
