//! type/property/optionality, type/property/value-types, type/property/nullable, type/property/additional-properties

mod support;
