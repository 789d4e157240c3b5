/*
 * interp/bytecode/dis.h — the disassembler (interp/bytecode/dis.c): CPython dis-style listings of code objects,
 * nested code objects included. Called by `tollpy --dis` and anything that wants a listing.
 */
#ifndef INTERP_DIS_H
#define INTERP_DIS_H

#include "core/obj.h"

void dis_code_buf(Obj *code, StrBuf *out);   /* append the listing to out */
void dis_print(Obj *code);                   /* write the listing with port_write */
void dis_code(Obj *code);                    /* same as dis_print */

#endif
