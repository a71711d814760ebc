//! Which lever or assumption matters most for each target.
