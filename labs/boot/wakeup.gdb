# labs/boot/wakeup.gdb — Lab 0's hand-in: a gdb script that stops the guest in the GIL at a
# failed wake-up (Beazley's "GIL battle" under Python 2's GIL, the `old` policy): a thread woken
# for the GIL finds it taken again by the thread that just released it; shows who woke and who
# holds the GIL.
# Run by the grader as: gdb-multiarch -batch -x <gdbinit> -x labs/boot/wakeup.gdb
# against a guest halted by `make gdb` that runs two CPU-bound Python threads under `old`.
# LAB boot: BEGIN
break gil_note_failed_wakeup
continue
echo \n--- who woke for nothing: the waiter, and the holder that re-took the GIL first\n
bt 4
print t->ident
print g->holder->ident
print g->st.failed_wakeups
finish
print g->st.failed_wakeups
info threads
# LAB boot: END
# LAB boot: STUB
#| # TODO(lab boot): set a breakpoint on the GIL function that counts a failed wake-up, continue
#| # to it, and print a backtrace (see labs/boot/README.md).
# LAB boot: STUB END
