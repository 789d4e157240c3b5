# labs/boot/drop.gdb — Lab 0's hand-in: a gdb script that stops the guest in the GIL at the
# moment a waiting thread asks the holder to drop it (a drop request), and shows who asked.
# Run by the grader as: gdb-multiarch -batch -x <gdbinit> -x labs/boot/drop.gdb
# against a guest halted by `make gdb` that runs two CPU-bound Python threads.
# LAB boot: BEGIN
break gil_send_drop_request
continue
echo \n--- who asked: the waiter whose timed wait ran out\n
bt 4
print g->switch_number
print g->drop_request
finish
print g->drop_request
info threads
# LAB boot: END
# LAB boot: STUB
#| # TODO(lab boot): set a breakpoint on the GIL function that sends a drop request, continue
#| # to it, and print a backtrace (see labs/boot/README.md).
# LAB boot: STUB END
