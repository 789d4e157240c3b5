/* interp/modules/fileio.h — what `os` (mod_os.c) shares with open()'s module (mod_fileio.c). */
#ifndef INTERP_MODULES_FILEIO_H
#define INTERP_MODULES_FILEIO_H
#include "core/obj.h"
/* Linux's message for errno e (port.h's PORT_E* numbers), as CPython shows it. */
const char *fileio_strerror(int e);
/* Raise OSError(e, strerror, filename) — FileNotFoundError etc. for their errno; returns NULL.
 * e may be negative (a port result); filename / filename2 may be NULL. */
Obj *fileio_raise_errno(int e, Obj *filename, Obj *filename2);
#endif
