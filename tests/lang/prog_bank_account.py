class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, holder, balance=0):
        self.holder = holder
        self.balance = balance
        self.log = []
    def deposit(self, amt):
        self.balance += amt
        self.log.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(f"{self.holder}: need {amt}, have {self.balance}")
        self.balance -= amt
        self.log.append(("wd", amt))
    def __repr__(self):
        return f"Account({self.holder!r}, {self.balance})"
a = Account("ann", 100)
a.deposit(50)
try:
    a.withdraw(500)
except InsufficientFunds as e:
    print("error:", e)
a.withdraw(30)
print(a, a.log)
