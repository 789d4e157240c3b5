# check: traceback
class ValidationError(Exception):
    pass
def validate(x):
    if x < 0:
        raise ValidationError(f"negative: {x}")
    return x
validate(1)
validate(-2)
