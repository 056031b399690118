//! parameters/*, special-headers/*, server/*, authentication/*, payload/head, payload/json-merge-patch, payload/media-type

mod support;
