# A non-daemon thread that the main program never joins still runs to the end: the interpreter
# joins it at exit (threading._shutdown, called by the runtime through thread_shutdown()).
# The order of the two lines is fixed by an Event, not by a sleep.
import threading

main_printed = threading.Event()

def late():
    main_printed.wait()
    print("late thread finished")

threading.Thread(target=late).start()
print("main done")
main_printed.set()
