//! Results leaving the app as files: the year table as a CSV that Excel opens correctly.
//! Pure: the browser's download and the command line's stdout call these functions.

pub mod csv;
