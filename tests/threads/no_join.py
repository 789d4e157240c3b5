# A non-daemon thread that the main program never joins still runs to the end: the interpreter
# joins it at exit (threading._shutdown, called by the runtime through thread_shutdown()).
import threading
import time

def late():
    time.sleep(0.2)
    print("late thread finished")

threading.Thread(target=late).start()
print("main done")
