//! `pyport.h`: the integer types the API is written in.

pub type Py_ssize_t = isize;
pub type Py_hash_t = isize;
