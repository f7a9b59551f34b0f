package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The diagrams must read in Cockpit at fit-to-screen on a 1600 x 900 window, so every plane of every
 * processes/*.bpmn is checked against the team's layout rules, reading the DI with a plain XML parser:
 * <ul>
 * <li>R1 a plane's bounding box is at most 2000 x 1100 px;</li>
 * <li>R2 no sequence-flow segment passes through a flow node other than its own source and target;</li>
 * <li>R3 boundary events on one host do not overlap each other, and no boundary event overlaps a label;</li>
 * <li>R4 labels overlap no flow node, no sequence flow and no other label;</li>
 * <li>R5 every flow node and sequence flow has DI, and a deciding gateway's outgoing flows are named when it splits
 * (parallel splits stay unnamed, as bpmnlint's superfluous-label rule wants).</li>
 * </ul>
 * One test per file, so a report shows which diagrams pass.
 */
class BpmnLayoutTest {

    static final double MAX_WIDTH = 2000;
    static final double MAX_HEIGHT = 1100;

    static Stream<String> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void diagramFollowsTheLayoutRules(String file) throws Exception {
        List<String> violations;
        try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
            violations = LayoutChecker.check(file, in);
        }
        assertThat(violations).withFailMessage("%s has %d layout violations:%n%s", file, violations.size(),
                String.join(System.lineSeparator(), violations)).isEmpty();
    }

    @Test
    void everyProcessFileIsChecked() throws IOException {
        // guards against a moved folder turning the parameterized test into zero tests
        assertThat(bpmnFiles().toList()).contains("model-lifecycle.bpmn", "model-validation.bpmn",
                "incident-response.bpmn", "periodic-reassessment.bpmn", "inventory-attestation.bpmn");
    }

    // ---- negative checks: the checker must report each kind of problem, so the file tests cannot pass vacuously

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="t">
            """;

    /** Start → A → B → end on one line, plus a gateway below; {@code extra} DI and {@code gatewayFlowName} vary per test. */
    private static String sample(String flowABWaypoints, String extraProcess, String extraDi, String labelOfFlowAB) {
        return HEAD + """
                  <bpmn:process id="P" isExecutable="true">
                    <bpmn:startEvent id="Start" name="Start"/>
                    <bpmn:task id="A" name="A"/>
                    <bpmn:task id="Middle" name="Middle"/>
                    <bpmn:task id="B" name="B"/>
                    <bpmn:endEvent id="End"/>
                    <bpmn:sequenceFlow id="Flow_StartA" sourceRef="Start" targetRef="A"/>
                    <bpmn:sequenceFlow id="Flow_AB" name="a to b" sourceRef="A" targetRef="B"/>
                    <bpmn:sequenceFlow id="Flow_BEnd" sourceRef="B" targetRef="End"/>
                    <bpmn:sequenceFlow id="Flow_AMiddle" sourceRef="A" targetRef="Middle"/>
                """ + extraProcess + """
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="Diagram">
                    <bpmndi:BPMNPlane id="Plane" bpmnElement="P">
                      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="0" y="22" width="36" height="36"/>
                        <bpmndi:BPMNLabel><dc:Bounds x="5" y="65" width="26" height="14"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="A_di" bpmnElement="A"><dc:Bounds x="100" y="0" width="100" height="80"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Middle_di" bpmnElement="Middle"><dc:Bounds x="250" y="150" width="100" height="80"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="B_di" bpmnElement="B"><dc:Bounds x="400" y="0" width="100" height="80"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="550" y="22" width="36" height="36"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_StartA_di" bpmnElement="Flow_StartA"><di:waypoint x="36" y="40"/><di:waypoint x="100" y="40"/></bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_AB_di" bpmnElement="Flow_AB">""" + flowABWaypoints + labelOfFlowAB + """
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_BEnd_di" bpmnElement="Flow_BEnd"><di:waypoint x="500" y="40"/><di:waypoint x="550" y="40"/></bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_AMiddle_di" bpmnElement="Flow_AMiddle"><di:waypoint x="150" y="80"/><di:waypoint x="150" y="190"/><di:waypoint x="250" y="190"/></bpmndi:BPMNEdge>
                """ + extraDi + """
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """;
    }

    private static final String STRAIGHT_AB = "<di:waypoint x=\"200\" y=\"40\"/><di:waypoint x=\"400\" y=\"40\"/>";
    private static final String LABEL_ABOVE_AB = "<bpmndi:BPMNLabel><dc:Bounds x=\"280\" y=\"20\" width=\"40\" height=\"14\"/></bpmndi:BPMNLabel>";

    private static List<String> check(String xml) throws Exception {
        return LayoutChecker.check("sample.bpmn", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCleanSampleHasNoViolations() throws Exception {
        assertThat(check(sample(STRAIGHT_AB, "", "", LABEL_ABOVE_AB))).isEmpty();
    }

    @Test
    void aFlowThroughATaskIsReported() throws Exception {
        // A → B drawn down through Middle instead of straight
        String throughMiddle = "<di:waypoint x=\"200\" y=\"40\"/><di:waypoint x=\"230\" y=\"40\"/><di:waypoint x=\"230\" y=\"200\"/>"
                + "<di:waypoint x=\"380\" y=\"200\"/><di:waypoint x=\"380\" y=\"40\"/><di:waypoint x=\"400\" y=\"40\"/>";
        assertThat(check(sample(throughMiddle, "", "", LABEL_ABOVE_AB)))
                .anySatisfy(v -> assertThat(v).contains("R2", "Flow_AB", "Middle", "(230,200)->(380,200)", "sample.bpmn", "Plane"));
    }

    @Test
    void aLabelOnALineIsReported() throws Exception {
        String onTheLine = "<bpmndi:BPMNLabel><dc:Bounds x=\"280\" y=\"33\" width=\"40\" height=\"14\"/></bpmndi:BPMNLabel>";
        assertThat(check(sample(STRAIGHT_AB, "", "", onTheLine))).anySatisfy(v -> assertThat(v).contains("R4", "Flow_AB"));
    }

    @Test
    void aNamedFlowWithoutLabelBoundsIsReportedBecauseItsLabelIsDrawnOnTheLine() throws Exception {
        assertThat(check(sample(STRAIGHT_AB, "", "", ""))).anySatisfy(v -> assertThat(v).contains("R4", "label of Flow_AB", "lies on"));
    }

    @Test
    void aLabelOnATaskAndOverlappingLabelsAreReported() throws Exception {
        String onTask = "<bpmndi:BPMNLabel><dc:Bounds x=\"410\" y=\"10\" width=\"40\" height=\"14\"/></bpmndi:BPMNLabel>";
        assertThat(check(sample(STRAIGHT_AB, "", "", onTask))).anySatisfy(v -> assertThat(v).contains("R4", "label of Flow_AB", "B"));
        String onStartLabel = "<bpmndi:BPMNLabel><dc:Bounds x=\"20\" y=\"70\" width=\"40\" height=\"14\"/></bpmndi:BPMNLabel>";
        assertThat(check(sample(STRAIGHT_AB, "", "", onStartLabel)))
                .anySatisfy(v -> assertThat(v).contains("R4", "label of Flow_AB", "label of Start"));
    }

    @Test
    void overlappingBoundaryEventsAreReported() throws Exception {
        String timers = """
                <bpmn:boundaryEvent id="Timer_One" attachedToRef="B"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
                <bpmn:boundaryEvent id="Timer_Two" attachedToRef="B"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
                """;
        String timersDi = """
                <bpmndi:BPMNShape id="Timer_One_di" bpmnElement="Timer_One"><dc:Bounds x="420" y="62" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="Timer_Two_di" bpmnElement="Timer_Two"><dc:Bounds x="440" y="62" width="36" height="36"/></bpmndi:BPMNShape>
                """;
        assertThat(check(sample(STRAIGHT_AB, timers, timersDi, LABEL_ABOVE_AB)))
                .anySatisfy(v -> assertThat(v).contains("R3", "Timer_One", "Timer_Two", "B"));
    }

    @Test
    void aTooWideOrTooHighPlaneIsReported() throws Exception {
        String far = "<bpmndi:BPMNShape id=\"Far_di\" bpmnElement=\"Far\"><dc:Bounds x=\"2100\" y=\"1200\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>";
        List<String> violations = check(sample(STRAIGHT_AB, "<bpmn:task id=\"Far\"/>", far, LABEL_ABOVE_AB));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("R1", "2200", "wide"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("R1", "1280", "high"));
    }

    @Test
    void missingDiAndUnnamedGatewayFlowsAreReported() throws Exception {
        String gateway = """
                <bpmn:exclusiveGateway id="Gateway_Choice"/>
                <bpmn:sequenceFlow id="Flow_One" sourceRef="Gateway_Choice" targetRef="B"/>
                <bpmn:sequenceFlow id="Flow_Two" name="two" sourceRef="Gateway_Choice" targetRef="End"/>
                """;
        List<String> violations = check(sample(STRAIGHT_AB, gateway, "", LABEL_ABOVE_AB));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("R5", "Gateway_Choice", "no DI"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("R5", "Flow_One", "no DI"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("R5", "Flow_One", "no name"));
        assertThat(violations).noneSatisfy(v -> assertThat(v).contains("Flow_Two", "no name"));
    }

    @Test
    void aCollapsedSubprocessNeedsItsOwnPlane() throws Exception {
        String sub = """
                <bpmn:subProcess id="SubProcess_Part"><bpmn:task id="Inner"/></bpmn:subProcess>
                """;
        String subDi = "<bpmndi:BPMNShape id=\"Sub_di\" bpmnElement=\"SubProcess_Part\" isExpanded=\"false\"><dc:Bounds x=\"400\" y=\"150\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>";
        assertThat(check(sample(STRAIGHT_AB, sub, subDi, LABEL_ABOVE_AB)))
                .anySatisfy(v -> assertThat(v).contains("R5", "SubProcess_Part", "own plane"));
    }

    // ---- the checker

    /** Reads BPMN DI and reports every rule violation as one readable line. */
    static final class LayoutChecker {

        static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
        static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
        static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

        static final Set<String> CONTAINERS = Set.of("process", "subProcess", "transaction", "adHocSubProcess");
        static final Set<String> SUBPROCESSES = Set.of("subProcess", "transaction", "adHocSubProcess");
        /** Gateways that choose by condition; a parallel or event-based split needs no flow names (bpmnlint: superfluous-label). */
        static final Set<String> DECISION_GATEWAYS = Set.of("exclusiveGateway", "inclusiveGateway", "complexGateway");

        record Rect(double x, double y, double w, double h) {
            Rect shrink(double by) {
                return new Rect(x + by, y + by, w - 2 * by, h - 2 * by);
            }

            boolean overlaps(Rect o) {
                return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
            }

            /** True when the segment runs through the rectangle for more than a single point (Liang–Barsky clipping). */
            boolean crossedBy(Point a, Point b) {
                double dx = b.x - a.x, dy = b.y - a.y;
                double[] p = {-dx, dx, -dy, dy};
                double[] q = {a.x - x, x + w - a.x, a.y - y, y + h - a.y};
                double t0 = 0, t1 = 1;
                for (int i = 0; i < 4; i++) {
                    if (p[i] == 0) {
                        if (q[i] < 0) {
                            return false;
                        }
                    } else {
                        double t = q[i] / p[i];
                        if (p[i] < 0) {
                            t0 = Math.max(t0, t);
                        } else {
                            t1 = Math.min(t1, t);
                        }
                    }
                }
                return t1 - t0 > 1e-9 && Math.hypot(dx, dy) * (t1 - t0) > 0.5;
            }

            @Override
            public String toString() {
                return "[x=" + n(x) + " y=" + n(y) + " w=" + n(w) + " h=" + n(h) + "]";
            }
        }

        record Point(double x, double y) {
            @Override
            public String toString() {
                return "(" + n(x) + "," + n(y) + ")";
            }
        }

        record Shape(String element, Rect bounds, Rect label, boolean expanded) {}

        record Edge(String element, List<Point> waypoints, Rect label) {}

        private final String file;
        private final Map<String, Element> elements = new HashMap<>();
        private final List<String> violations = new ArrayList<>();

        private LayoutChecker(String file) {
            this.file = file;
        }

        static List<String> check(String file, InputStream bpmn) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(bpmn);
            LayoutChecker checker = new LayoutChecker(file);
            checker.index(doc.getDocumentElement());
            NodeList planes = doc.getElementsByTagNameNS(BPMNDI, "BPMNPlane");
            if (planes.getLength() == 0) {
                checker.violations.add(file + ": R5 no BPMNPlane at all");
            }
            Set<String> planeElements = new HashSet<>();
            for (int i = 0; i < planes.getLength(); i++) {
                planeElements.add(((Element) planes.item(i)).getAttribute("bpmnElement"));
            }
            for (int i = 0; i < planes.getLength(); i++) {
                checker.checkPlane((Element) planes.item(i), planeElements);
            }
            return checker.violations;
        }

        private void index(Element root) {
            NodeList all = root.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (!e.getAttribute("id").isEmpty()) {
                    elements.put(e.getAttribute("id"), e);
                }
            }
        }

        private void checkPlane(Element plane, Set<String> planeElements) {
            String owner = plane.getAttribute("bpmnElement");
            String where = file + ", plane " + plane.getAttribute("id") + " (" + owner + ")";
            Map<String, Shape> shapes = new LinkedHashMap<>();
            Map<String, Edge> edges = new LinkedHashMap<>();
            for (Element s : children(plane, BPMNDI, "BPMNShape")) {
                String id = s.getAttribute("bpmnElement");
                Rect bounds = bounds(s);
                Rect label = labelOf(s);
                if (label == null && hasExternalLabel(elements.get(id))) {
                    // bpmn-js and Cockpit draw a missing label 90 x 20 centred under the element
                    label = new Rect(bounds.x() + bounds.w() / 2 - 45, bounds.y() + bounds.h(), 90, 20);
                }
                shapes.put(id, new Shape(id, bounds, label, "true".equals(s.getAttribute("isExpanded"))));
            }
            for (Element e : children(plane, BPMNDI, "BPMNEdge")) {
                String id = e.getAttribute("bpmnElement");
                List<Point> points = new ArrayList<>();
                for (Element w : children(e, DI, "waypoint")) {
                    points.add(new Point(num(w, "x"), num(w, "y")));
                }
                Rect label = labelOf(e);
                Element flow = elements.get(id);
                if (label == null && flow != null && !flow.getAttribute("name").isBlank() && points.size() > 1) {
                    // ... and a missing flow label centred on the middle segment, i.e. on the line
                    double mid = points.size() / 2.0 - 1;
                    Point a = points.get((int) Math.floor(mid)), b = points.get((int) Math.ceil(mid + 0.01));
                    label = new Rect((a.x() + b.x()) / 2 - 45, (a.y() + b.y()) / 2 - 10, 90, 20);
                }
                edges.put(id, new Edge(id, points, label));
            }

            checkSize(where, shapes, edges);
            List<Element> content = planeContent(where, owner, shapes, planeElements);
            List<Shape> flowNodes = shapes.values().stream().filter(s -> isFlowNode(elements.get(s.element()))).toList();
            List<Edge> flows = edges.values().stream().filter(e -> isSequenceFlow(elements.get(e.element()))).toList();
            checkFlowsAvoidShapes(where, flowNodes, flows);
            checkBoundaryEvents(where, flowNodes, shapes, edges);
            checkLabels(where, flowNodes, flows, shapes, edges);
            checkDiAndNames(where, content, shapes, edges);
        }

        /** R1. */
        private void checkSize(String where, Map<String, Shape> shapes, Map<String, Edge> edges) {
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            List<Rect> rects = new ArrayList<>();
            for (Shape s : shapes.values()) {
                rects.add(s.bounds());
                if (s.label() != null) {
                    rects.add(s.label());
                }
            }
            for (Edge e : edges.values()) {
                e.waypoints().forEach(p -> rects.add(new Rect(p.x(), p.y(), 0, 0)));
                if (e.label() != null) {
                    rects.add(e.label());
                }
            }
            for (Rect r : rects) {
                minX = Math.min(minX, r.x());
                minY = Math.min(minY, r.y());
                maxX = Math.max(maxX, r.x() + r.w());
                maxY = Math.max(maxY, r.y() + r.h());
            }
            if (rects.isEmpty()) {
                return;
            }
            if (maxX - minX > MAX_WIDTH) {
                violations.add(where + ": R1 diagram is " + n(maxX - minX) + " px wide (x " + n(minX) + " to " + n(maxX)
                        + "), at most " + n(MAX_WIDTH) + " allowed");
            }
            if (maxY - minY > MAX_HEIGHT) {
                violations.add(where + ": R1 diagram is " + n(maxY - minY) + " px high (y " + n(minY) + " to " + n(maxY)
                        + "), at most " + n(MAX_HEIGHT) + " allowed");
            }
        }

        /** R2: a sequence flow may only touch its own source and target (and the host of the boundary event it leaves). */
        private void checkFlowsAvoidShapes(String where, List<Shape> flowNodes, List<Edge> flows) {
            for (Edge flow : flows) {
                Element semantic = elements.get(flow.element());
                Set<String> own = new HashSet<>(Set.of(semantic.getAttribute("sourceRef"), semantic.getAttribute("targetRef")));
                Element source = elements.get(semantic.getAttribute("sourceRef"));
                if (source != null && "boundaryEvent".equals(source.getLocalName())) {
                    own.add(source.getAttribute("attachedToRef"));
                }
                for (Shape node : flowNodes) {
                    if (own.contains(node.element()) || (node.expanded() && isInside(semantic, node.element()))) {
                        continue;
                    }
                    Rect inner = node.bounds().shrink(2);
                    forEachSegment(flow, (a, b) -> {
                        if (inner.crossedBy(a, b)) {
                            violations.add(where + ": R2 " + flow.element() + " segment " + a + "->" + b
                                    + " passes through " + node.element() + " " + node.bounds());
                        }
                    });
                }
            }
        }

        /** R3. */
        private void checkBoundaryEvents(String where, List<Shape> flowNodes, Map<String, Shape> shapes, Map<String, Edge> edges) {
            List<Shape> boundaries = flowNodes.stream()
                    .filter(s -> "boundaryEvent".equals(elements.get(s.element()).getLocalName())).toList();
            for (int i = 0; i < boundaries.size(); i++) {
                Shape a = boundaries.get(i);
                String host = elements.get(a.element()).getAttribute("attachedToRef");
                for (int j = i + 1; j < boundaries.size(); j++) {
                    Shape b = boundaries.get(j);
                    if (host.equals(elements.get(b.element()).getAttribute("attachedToRef")) && a.bounds().overlaps(b.bounds())) {
                        violations.add(where + ": R3 boundary events " + a.element() + " " + a.bounds() + " and " + b.element()
                                + " " + b.bounds() + " overlap on " + host);
                    }
                }
                for (Map.Entry<String, Rect> label : labels(shapes, edges).entrySet()) {
                    if (label.getValue().overlaps(a.bounds())) {
                        violations.add(where + ": R3 boundary event " + a.element() + " " + a.bounds() + " overlaps "
                                + label.getKey() + " " + label.getValue());
                    }
                }
            }
        }

        /** R4: labels sit beside shapes and lines, never on them, and apart from each other. */
        private void checkLabels(String where, List<Shape> flowNodes, List<Edge> flows, Map<String, Shape> shapes, Map<String, Edge> edges) {
            Map<String, Rect> labels = labels(shapes, edges);
            List<Map.Entry<String, Rect>> list = new ArrayList<>(labels.entrySet());
            for (int i = 0; i < list.size(); i++) {
                String name = list.get(i).getKey();
                String labelled = name.substring("label of ".length());
                Rect original = list.get(i).getValue();
                Rect label = original.shrink(1);
                Element labelledElement = elements.get(labelled);
                for (Shape node : flowNodes) {
                    if (node.expanded() && labelledElement != null && isInside(labelledElement, node.element())) {
                        continue;
                    }
                    if ("boundaryEvent".equals(elements.get(node.element()).getLocalName())) {
                        continue; // reported as R3
                    }
                    if (label.overlaps(node.bounds())) {
                        violations.add(where + ": R4 " + name + " " + list.get(i).getValue() + " overlaps " + node.element() + " "
                                + node.bounds());
                    }
                }
                for (Edge flow : flows) {
                    forEachSegment(flow, (a, b) -> {
                        if (label.crossedBy(a, b)) {
                            violations.add(where + ": R4 " + name + " " + original + " lies on " + flow.element()
                                    + " segment " + a + "->" + b);
                        }
                    });
                }
                for (int j = i + 1; j < list.size(); j++) {
                    if (label.overlaps(list.get(j).getValue().shrink(1))) {
                        violations.add(where + ": R4 " + name + " " + list.get(i).getValue() + " overlaps " + list.get(j).getKey()
                                + " " + list.get(j).getValue());
                    }
                }
            }
        }

        /** R5. */
        private void checkDiAndNames(String where, List<Element> content, Map<String, Shape> shapes, Map<String, Edge> edges) {
            for (Element e : content) {
                String id = e.getAttribute("id");
                if (isFlowNode(e) && !shapes.containsKey(id)) {
                    violations.add(where + ": R5 flow node " + id + " has no DI shape");
                }
                if (isSequenceFlow(e) && !edges.containsKey(id)) {
                    violations.add(where + ": R5 sequence flow " + id + " has no DI edge");
                }
                if (DECISION_GATEWAYS.contains(e.getLocalName())) {
                    List<Element> outgoing = content.stream()
                            .filter(f -> isSequenceFlow(f) && id.equals(f.getAttribute("sourceRef"))).toList();
                    if (outgoing.size() > 1) {
                        outgoing.stream().filter(f -> f.getAttribute("name").isBlank()).forEach(f -> violations.add(where
                                + ": R5 " + f.getAttribute("id") + " leaves split gateway " + id + " with no name"));
                    }
                }
            }
        }

        /** Flow elements drawn on this plane: the owner's children, and those of subprocesses expanded on it. */
        private List<Element> planeContent(String where, String owner, Map<String, Shape> shapes, Set<String> planeElements) {
            List<Element> content = new ArrayList<>();
            Element root = elements.get(owner);
            if (root == null) {
                violations.add(where + ": R5 plane refers to unknown element " + owner);
                return content;
            }
            List<Element> containers = new ArrayList<>();
            if ("collaboration".equals(root.getLocalName())) {
                for (Element participant : children(root, BPMN, "participant")) {
                    Element process = elements.get(participant.getAttribute("processRef"));
                    if (process != null) {
                        containers.add(process);
                    }
                }
            } else {
                containers.add(root);
            }
            while (!containers.isEmpty()) {
                Element container = containers.remove(0);
                for (Element child : children(container, BPMN, null)) {
                    content.add(child);
                    if (SUBPROCESSES.contains(child.getLocalName())) {
                        Shape shape = shapes.get(child.getAttribute("id"));
                        if (shape != null && shape.expanded()) {
                            containers.add(child);
                        } else if (shape != null && !planeElements.contains(child.getAttribute("id"))) {
                            violations.add(where + ": R5 collapsed subprocess " + child.getAttribute("id")
                                    + " has no own plane for its content");
                        }
                    }
                }
            }
            return content;
        }

        private Map<String, Rect> labels(Map<String, Shape> shapes, Map<String, Edge> edges) {
            Map<String, Rect> labels = new LinkedHashMap<>();
            shapes.values().stream().filter(s -> s.label() != null).forEach(s -> labels.put("label of " + s.element(), s.label()));
            edges.values().stream().filter(e -> e.label() != null).forEach(e -> labels.put("label of " + e.element(), e.label()));
            return labels;
        }

        private boolean isInside(Element e, String containerId) {
            for (Node p = e.getParentNode(); p instanceof Element parent; p = p.getParentNode()) {
                if (containerId.equals(parent.getAttribute("id"))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isFlowNode(Element e) {
            if (e == null || !BPMN.equals(e.getNamespaceURI())) {
                return false;
            }
            String n = e.getLocalName();
            return n.endsWith("Task") || n.equals("task") || n.endsWith("Gateway") || n.endsWith("Event")
                    || SUBPROCESSES.contains(n) || n.equals("callActivity");
        }

        /** Events and gateways carry their name outside the shape; tasks and subprocesses inside. */
        private static boolean hasExternalLabel(Element e) {
            return e != null && !e.getAttribute("name").isBlank()
                    && (e.getLocalName().endsWith("Event") || e.getLocalName().endsWith("Gateway"));
        }

        private static boolean isSequenceFlow(Element e) {
            return e != null && BPMN.equals(e.getNamespaceURI()) && "sequenceFlow".equals(e.getLocalName());
        }

        private static void forEachSegment(Edge edge, BiConsumer<Point, Point> action) {
            for (int i = 1; i < edge.waypoints().size(); i++) {
                action.accept(edge.waypoints().get(i - 1), edge.waypoints().get(i));
            }
        }

        private static Rect bounds(Element diElement) {
            for (Element b : children(diElement, DC, "Bounds")) {
                return new Rect(num(b, "x"), num(b, "y"), num(b, "width"), num(b, "height"));
            }
            return new Rect(0, 0, 0, 0);
        }

        private static Rect labelOf(Element diElement) {
            for (Element label : children(diElement, BPMNDI, "BPMNLabel")) {
                for (Element b : children(label, DC, "Bounds")) {
                    return new Rect(num(b, "x"), num(b, "y"), num(b, "width"), num(b, "height"));
                }
            }
            return null;
        }

        private static List<Element> children(Element parent, String ns, String localName) {
            List<Element> result = new ArrayList<>();
            for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && ns.equals(e.getNamespaceURI()) && (localName == null || localName.equals(e.getLocalName()))) {
                    result.add(e);
                }
            }
            return result;
        }

        private static double num(Element e, String attribute) {
            return Double.parseDouble(e.getAttribute(attribute));
        }

        static String n(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
