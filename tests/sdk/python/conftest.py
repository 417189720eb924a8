"""Every test here runs the SDK in Pulumi's mock mode against one set of mocks (Pulumi keeps one
mock monitor per process), installed before pulumi_ververica is imported."""

import pulumi
import pytest

from draft_mocks import mocks

pulumi.runtime.set_mocks(mocks, preview=False)


@pytest.fixture(autouse=True)
def forget_invokes():
    """Each test sees only the invokes it made."""
    mocks.invokes.clear()
    yield
