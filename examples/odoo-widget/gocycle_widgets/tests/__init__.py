from . import test_module
from . import test_ui
