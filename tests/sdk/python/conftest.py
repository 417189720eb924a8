"""Every test here runs the SDK in Pulumi's mock mode against one set of mocks (Pulumi keeps one
mock monitor per process), installed before pulumi_ververica is imported."""

import pulumi

from draft_mocks import mocks

pulumi.runtime.set_mocks(mocks, preview=False)
