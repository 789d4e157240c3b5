# mk/labs.mk — the course kit: handouts, grading, the labs' own tests. See labs/README.md.
#   make grade [LAB=name[,name]] [JSON=out.json]   graded tests (tests/grade/) for one lab or all:
#                     each test with its points, part subtotals, `Score: N/M`; non-zero exit below
#                     full marks; a failed test's console output kept in $(BUILD)/grade/*.log
#   make handout LAB=name[,name] OUT=dir [FORCE=1] a student tree: the solution regions (LAB name:
#                     BEGIN/END markers) of the lab and of every later one (labs/order) replaced
#                     by their stubs, as a git repository with one commit (labs/handout.py);
#                     an existing non-empty OUT is refused unless FORCE=1
#   make test-labs    (part of `make test`) tests/test_handout.py: the markers of every lab are
#                     well formed, and for each lab the handout tree builds and one grade run over
#                     all labs there gives 0 to every test of the lab and of every later one
#                     (labs/order), full marks to smoke and to every earlier lab. The graded tests
#                     decide from counters and event order, so this holds on every run
.PHONY: grade handout test-labs
GRADE_ARGS ?=

grade: deps $(BUILD)/kernel.elf $(BUILD)/host/tollpy
	@$(PYTHON) tests/grade/grade.py --build $(BUILD) $(if $(LAB),--lab $(LAB)) \
	  $(if $(JSON),--json $(JSON)) $(GRADE_ARGS)

handout:
	@if [ -z "$(LAB)" ] || [ -z "$(OUT)" ]; then echo "usage: make handout LAB=name[,name] OUT=dir [FORCE=1]" >&2; exit 2; fi
	@$(PYTHON) labs/handout.py --lab $(LAB) --out $(OUT) $(if $(CACHE),--cache) $(if $(filter 1 yes,$(FORCE)),--force)

test-labs: $(BUILD)/kernel.elf $(BUILD)/host/tollpy
	LABS_BUILD=$(abspath $(BUILD)) $(PYTHON) -m pytest -q -p no:cacheprovider tests/test_handout.py

# make report: the seeds' experiments on the host tollpy and the guest (CPUS=2) -> docs/report/
# (results.csv, report.md with the seeds' figures beside ours, gnuplot PNGs; committed so the README
# can embed the plots). Medians of 3 runs, a few minutes. REPORT_ARGS=--no-guest, REPORT_OUT=dir
.PHONY: report
REPORT_ARGS ?=
REPORT_OUT ?= docs/report
report: deps $(BUILD)/kernel.elf $(BUILD)/host/tollpy
	$(PYTHON) tests/report/report.py --tollpy $(BUILD)/host/tollpy --kernel $(BUILD)/kernel.elf \
	  --out $(REPORT_OUT) $(REPORT_ARGS)
