//! encode/*

mod support;
