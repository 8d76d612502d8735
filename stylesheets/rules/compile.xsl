<?xml version="1.0" encoding="UTF-8"?>
<!--
  compile.xsl: cocom's own compiler for the subset of ISO Schematron
  (ISO/IEC 19757-3, query binding "exslt") that the national rules use.
  It turns a schema such as national-rules.sch into an XSLT 1.0
  stylesheet, which libxslt runs in process on an arrangement.  cocom
  compiles the rules once per run (a few milliseconds) and keeps the
  result on its context for every file it checks.

  Written for this project; it shares no code with the ISO "skeleton"
  stylesheets.  What it understands:

    schema     title, ns, let, xsl:key, func:function, pattern (any
               order; at least one pattern)
    ns         @prefix @uri: declared on the compiled stylesheet
    let        @name @value: at schema level a global variable; in a
               pattern or rule, a variable of each of its rules
    pattern    @id (the rule id, e.g. DEL-LAY-CHAIR), @cocom:source (the
               passage of the guidance it enforces), title (a one-line
               summary for `cocom rules`), let*, rule+
    rule       @context (an XSLT match pattern), @role?, @subject?,
               let*, (assert | report)+
    assert     @test: a finding when the test is false
    report     @test: a finding when the test is true
               both: @role (error, warning or note; default the rule's),
               @subject (an XPath from the context: the node the finding
               points at; default the context node); content: text,
               value-of/@select, name/@path?, emph, dir, span
    xsl:key, func:function (EXSLT) are copied into the compiled
               stylesheet, so the rules can share keys and helpers.

  As ISO Schematron says, within one pattern a node is tested by the
  first rule whose context it matches, and every element and attribute
  of the document is visited.  Variables named cocom-... are the
  compiler's own; the rules should not use such names.

  Anything else (phase, include, abstract patterns and rules, extends,
  diagnostics, properties) stops the compiler with a message naming it.
  So does a pattern without an id, a source or a title, an id used
  twice, or a pattern whose findings are of more than one severity other
  than note (a rule has one severity; "note" is for findings that say a
  rule could not be checked).

  The compiled stylesheet writes
    <r:findings>
      <r:finding rule="DEL-LAY-CHAIR" role="error" at="/*[1]/*[7]/*[4]">message</r:finding>
    </r:findings>
  where `at` is a path of element positions that the C side evaluates
  on the same document to find the element, hence its line.  It also
  carries, as a top-level data element, the list of rules:
    <r:catalogue><r:rule id="…" severity="…" source="…" summary="…"/></r:catalogue>
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:sch="http://purl.oclc.org/dsdl/schematron"
                xmlns:axsl="urn:cocom:alias:xsl"
                xmlns:r="urn:cocom:rules:1"
                xmlns:func="http://exslt.org/functions"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="sch exsl">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <!-- ============================================================
       The schema
       ============================================================ -->
  <xsl:template match="/">
    <xsl:if test="not(sch:schema)">
      <xsl:message terminate="yes">the rules file is not an ISO Schematron schema (its root is not sch:schema in http://purl.oclc.org/dsdl/schematron)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="sch:schema"/>
  </xsl:template>

  <xsl:template match="sch:schema">
    <xsl:if test="@queryBinding and not(@queryBinding = 'exslt' or @queryBinding = 'xslt')">
      <xsl:message terminate="yes">query binding '<xsl:value-of select="@queryBinding"/>' is not supported; use exslt (XSLT 1.0 with EXSLT)</xsl:message>
    </xsl:if>
    <xsl:call-template name="refuse-unsupported"/>
    <xsl:call-template name="check-patterns"/>

    <axsl:stylesheet version="1.0" extension-element-prefixes="func">
      <!-- Namespaces: those in scope on the schema element, then those
           declared with sch:ns (made by copying the namespace node of a
           throw-away element, the XSLT 1.0 way to create one). -->
      <xsl:copy-of select="namespace::*[name() != 'xml']"/>
      <xsl:for-each select="sch:ns">
        <xsl:variable name="holder">
          <xsl:element name="{@prefix}:ns" namespace="{@uri}"/>
        </xsl:variable>
        <xsl:copy-of select="exsl:node-set($holder)/*/namespace::*[name() = current()/@prefix]"/>
      </xsl:for-each>
      <!-- The findings carry only the r: namespace. -->
      <xsl:attribute name="exclude-result-prefixes">
        <xsl:text>#default</xsl:text>
        <xsl:for-each select="namespace::*[name() != 'xml' and name() != '' and name() != 'r']">
          <xsl:value-of select="concat(' ', name())"/>
        </xsl:for-each>
        <xsl:for-each select="sch:ns[@prefix != 'r']">
          <xsl:if test="not(../namespace::*[name() = current()/@prefix])">
            <xsl:value-of select="concat(' ', @prefix)"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:attribute>

      <axsl:output method="xml" encoding="UTF-8"/>

      <r:catalogue>
        <xsl:for-each select="sch:pattern">
          <r:rule id="{@id}" source="{normalize-space(@*[local-name() = 'source'])}"
                  summary="{normalize-space(sch:title)}">
            <xsl:attribute name="severity">
              <xsl:call-template name="pattern-severity"/>
            </xsl:attribute>
          </r:rule>
        </xsl:for-each>
      </r:catalogue>

      <xsl:copy-of select="xsl:key | func:function"/>

      <xsl:for-each select="sch:let">
        <axsl:variable name="{@name}" select="{@value}"/>
      </xsl:for-each>

      <axsl:template match="/">
        <r:findings>
          <xsl:for-each select="sch:pattern">
            <axsl:apply-templates select="/" mode="p-{@id}"/>
          </xsl:for-each>
        </r:findings>
      </axsl:template>

      <!-- The location of the context node (an attribute: its element). -->
      <axsl:template name="r:where">
        <axsl:for-each select="ancestor-or-self::*">
          <axsl:text>/*[</axsl:text>
          <axsl:value-of select="count(preceding-sibling::*) + 1"/>
          <axsl:text>]</axsl:text>
        </axsl:for-each>
      </axsl:template>

      <xsl:apply-templates select="sch:pattern"/>
    </axsl:stylesheet>
  </xsl:template>

  <!-- ============================================================
       Patterns and rules
       ============================================================ -->
  <xsl:template match="sch:pattern">
    <xsl:variable name="mode" select="concat('p-', @id)"/>
    <xsl:comment>
      <xsl:value-of select="concat(' ', @id, ': ', normalize-space(sch:title), ' ')"/>
    </xsl:comment>
    <xsl:for-each select="sch:rule">
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 + count(following-sibling::sch:rule)}">
        <xsl:for-each select="../sch:let | sch:let">
          <axsl:variable name="{@name}" select="{@value}"/>
        </xsl:for-each>
        <xsl:apply-templates select="sch:assert | sch:report"/>
        <axsl:apply-templates select="@*|*" mode="{$mode}"/>
      </axsl:template>
    </xsl:for-each>
    <axsl:template match="/|@*|*" mode="{$mode}" priority="-1000">
      <axsl:apply-templates select="@*|*" mode="{$mode}"/>
    </axsl:template>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <xsl:variable name="role">
      <xsl:call-template name="role"/>
    </xsl:variable>
    <axsl:if>
      <xsl:attribute name="test">
        <xsl:choose>
          <xsl:when test="self::sch:assert">
            <xsl:value-of select="concat('not(', @test, ')')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="@test"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <r:finding rule="{ancestor::sch:pattern/@id}" role="{$role}">
        <xsl:variable name="subject" select="(@subject | ../@subject)[last()]"/>
        <axsl:attribute name="at">
          <xsl:choose>
            <xsl:when test="$subject">
              <axsl:variable name="cocom-subject" select="{$subject}"/>
              <axsl:choose>
                <axsl:when test="$cocom-subject">
                  <axsl:for-each select="$cocom-subject[1]">
                    <axsl:call-template name="r:where"/>
                  </axsl:for-each>
                </axsl:when>
                <axsl:otherwise>
                  <axsl:call-template name="r:where"/>
                </axsl:otherwise>
              </axsl:choose>
            </xsl:when>
            <xsl:otherwise>
              <axsl:call-template name="r:where"/>
            </xsl:otherwise>
          </xsl:choose>
        </axsl:attribute>
        <xsl:apply-templates select="node()" mode="message"/>
      </r:finding>
    </axsl:if>
  </xsl:template>

  <!-- ============================================================
       Messages
       ============================================================ -->
  <xsl:template match="text()" mode="message">
    <axsl:text><xsl:value-of select="."/></axsl:text>
  </xsl:template>

  <xsl:template match="sch:value-of" mode="message">
    <axsl:value-of select="{@select}"/>
  </xsl:template>

  <xsl:template match="sch:name" mode="message">
    <xsl:choose>
      <xsl:when test="@path">
        <axsl:value-of select="name({@path})"/>
      </xsl:when>
      <xsl:otherwise>
        <axsl:value-of select="name()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="sch:emph | sch:dir | sch:span" mode="message">
    <xsl:apply-templates select="node()" mode="message"/>
  </xsl:template>

  <xsl:template match="*" mode="message">
    <xsl:message terminate="yes">rule <xsl:value-of select="ancestor::sch:pattern/@id"/>: &lt;<xsl:value-of select="name()"/>&gt; is not allowed in a message (use text, value-of, name, emph, dir or span)</xsl:message>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="message"/>

  <!-- ============================================================
       Checks of the schema itself
       ============================================================ -->

  <!-- The role of an assert or report: its own, else its rule's. -->
  <xsl:template name="role">
    <xsl:choose>
      <xsl:when test="@role"><xsl:value-of select="@role"/></xsl:when>
      <xsl:when test="../@role"><xsl:value-of select="../@role"/></xsl:when>
      <xsl:otherwise>error</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The one severity of a pattern other than note. -->
  <xsl:template name="pattern-severity">
    <xsl:variable name="roles">
      <xsl:for-each select=".//sch:assert | .//sch:report">
        <xsl:variable name="r"><xsl:call-template name="role"/></xsl:variable>
        <xsl:if test="$r != 'note'"><xsl:value-of select="concat($r, ' ')"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="substring-before($roles, ' ')"/>
  </xsl:template>

  <xsl:template name="refuse-unsupported">
    <xsl:variable name="bad" select="//sch:phase | //sch:include | //sch:extends | //sch:diagnostics
                                     | //sch:properties | //sch:pattern[@abstract = 'true' or @is-a]
                                     | //sch:rule[@abstract = 'true'] | //sch:param"/>
    <xsl:if test="$bad">
      <xsl:message terminate="yes">&lt;<xsl:value-of select="name($bad[1])"/>&gt; is not supported by cocom's Schematron compiler (stylesheets/rules/compile.xsl)</xsl:message>
    </xsl:if>
    <xsl:for-each select="*[not(self::sch:title or self::sch:ns or self::sch:let or self::sch:pattern
                                or self::sch:p or self::xsl:key or self::func:function)]">
      <xsl:message terminate="yes">&lt;<xsl:value-of select="name()"/>&gt; is not allowed at the top of the rules (cocom's compiler takes title, ns, let, xsl:key, func:function and pattern)</xsl:message>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="check-patterns">
    <xsl:if test="not(sch:pattern)">
      <xsl:message terminate="yes">the rules file has no pattern</xsl:message>
    </xsl:if>
    <xsl:for-each select="sch:pattern">
      <xsl:variable name="id" select="string(@id)"/>
      <xsl:if test="$id = '' or string-length(translate($id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-', '')) != 0">
        <xsl:message terminate="yes">pattern <xsl:value-of select="position()"/> has no id, or an id other than capital letters, digits and hyphens ('<xsl:value-of select="$id"/>')</xsl:message>
      </xsl:if>
      <xsl:if test="preceding-sibling::sch:pattern[@id = $id]">
        <xsl:message terminate="yes">rule <xsl:value-of select="$id"/> is defined twice</xsl:message>
      </xsl:if>
      <xsl:if test="normalize-space(@*[local-name() = 'source']) = ''">
        <xsl:message terminate="yes">rule <xsl:value-of select="$id"/> has no cocom:source (the passage of the guidance it enforces)</xsl:message>
      </xsl:if>
      <xsl:if test="normalize-space(sch:title) = ''">
        <xsl:message terminate="yes">rule <xsl:value-of select="$id"/> has no title (its one-line summary)</xsl:message>
      </xsl:if>
      <xsl:if test="not(sch:rule)">
        <xsl:message terminate="yes">rule <xsl:value-of select="$id"/> has no sch:rule</xsl:message>
      </xsl:if>
      <xsl:for-each select="sch:rule">
        <xsl:if test="normalize-space(@context) = ''">
          <xsl:message terminate="yes">rule <xsl:value-of select="$id"/>: a sch:rule has no context</xsl:message>
        </xsl:if>
        <xsl:if test="not(sch:assert | sch:report)">
          <xsl:message terminate="yes">rule <xsl:value-of select="$id"/>: a sch:rule has no assert or report</xsl:message>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select=".//sch:assert | .//sch:report">
        <xsl:variable name="r"><xsl:call-template name="role"/></xsl:variable>
        <xsl:if test="not($r = 'error' or $r = 'warning' or $r = 'note')">
          <xsl:message terminate="yes">rule <xsl:value-of select="$id"/>: role '<xsl:value-of select="$r"/>' is not error, warning or note</xsl:message>
        </xsl:if>
        <xsl:if test="normalize-space(@test) = ''">
          <xsl:message terminate="yes">rule <xsl:value-of select="$id"/>: an assert or report has no test</xsl:message>
        </xsl:if>
      </xsl:for-each>
      <xsl:variable name="severities">
        <xsl:call-template name="pattern-severity"/>
      </xsl:variable>
      <xsl:variable name="all">
        <xsl:for-each select=".//sch:assert | .//sch:report">
          <xsl:variable name="r"><xsl:call-template name="role"/></xsl:variable>
          <xsl:if test="$r != 'note' and $r != $severities">x</xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="$severities = ''">
        <xsl:message terminate="yes">rule <xsl:value-of select="$id"/> has only notes; give its findings a severity (error or warning)</xsl:message>
      </xsl:if>
      <xsl:if test="string($all) != ''">
        <xsl:message terminate="yes">rule <xsl:value-of select="$id"/> mixes errors and warnings; one rule has one severity (split it in two)</xsl:message>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
