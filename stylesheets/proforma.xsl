<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/proforma.xsl — the proforma a CCG completes to take on
  joint commissioning (annex A) or delegated commissioning (annex B) of
  primary medical services, one per CCG: the CCG's details, the model and
  start date, the functions in scope, the committee and its membership,
  the constitution change and member approval with the ballot result,
  conflicts of interest, staffing agreed with the area team, engagement
  (LMC, Health and Wellbeing Board, Healthwatch), where it is submitted,
  the approval route, and the sign-off.

  The questions are templates/proforma.xml (modelled on Next steps
  §7.3.1/§7.4.1: the national wording was not found).  Each question is
  answered by the template below that matches its key; an answer the
  arrangement does not give is printed as a visible blank to fill in.

  Parameter: ccg — the ccg/@id (default: the first CCG).  The annex
  follows the model: A for joint, B for delegated.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="a t exsl str">

  <xsl:import href="base.xsl"/>

  <!-- A proforma is dated the day it was submitted, or failing that the
       deadline for its model: it knows only what had happened by then. -->
  <xsl:template name="document-date-default">
    <xsl:variable name="submitted" select="$root/a:application/a:submission[not(@annex) or @annex = $annex-letter][@date][1]/@date"/>
    <xsl:choose>
      <xsl:when test="$submitted"><xsl:value-of select="$submitted"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$root/a:application/a:deadline[@model = $model-kind][1]/@date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:param name="proforma-file" select="'../templates/proforma.xml'"/>
  <!-- The question column's share of the width. -->
  <xsl:param name="question-width" select="38"/>
  <!-- Dotted lines for a long answer left blank. -->
  <xsl:param name="blank-answer-lines" select="3"/>

  <xsl:variable name="pf" select="document($proforma-file)/t:proforma"/>
  <xsl:variable name="committee-node" select="$the-committee"/>
  <xsl:variable name="sections-rtf">
    <xsl:for-each select="$pf/t:section">
      <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
      <xsl:if test="$ok = 'yes'"><xsl:copy-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="sections" select="exsl:node-set($sections-rtf)/t:section"/>

  <xsl:template name="document-conditions">
    <xsl:if test="$committee-node"> has-committee</xsl:if>
  </xsl:template>

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:if test="not($model-kind = 'joint' or $model-kind = 'delegated')">
      <xsl:message terminate="yes">cocom: a proforma is for joint or delegated commissioning; this arrangement's model is <xsl:value-of select="$model-kind"/></xsl:message>
    </xsl:if>
    <xsl:if test="not($the-ccg)">
      <xsl:message terminate="yes">cocom: the arrangement has no CCG<xsl:if test="$ccg != ''"> with the id "<xsl:value-of select="$ccg"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:variable name="title">
      <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('title-proforma-', $annex-letter)"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="fo-document">
      <xsl:with-param name="title" select="concat($title, ': ', normalize-space($the-ccg/a:name))"/>
      <xsl:with-param name="running-left" select="$title"/>
      <xsl:with-param name="description">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('describe-proforma-', $annex-letter)"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="footer-note"><xsl:call-template name="modelled-note"/></xsl:with-param>
      <xsl:with-param name="bookmarks">
        <xsl:for-each select="$sections">
          <xsl:call-template name="bookmark">
            <xsl:with-param name="id" select="concat('pf-', position())"/>
            <xsl:with-param name="title">
              <xsl:value-of select="concat(position(), ' ')"/>
              <xsl:apply-templates select="t:heading/node()" mode="fill"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="bookmark">
          <xsl:with-param name="id" select="'pf-sign-off'"/>
          <xsl:with-param name="title"><xsl:apply-templates select="$pf/t:signatures/t:heading/node()" mode="fill"/></xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="proforma.title"/>
        <xsl:if test="count($sections) &gt;= $toc-min-sections">
          <xsl:call-template name="toc">
            <xsl:with-param name="entries" select="exsl:node-set($toc-rtf)/*"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:for-each select="$sections">
          <xsl:call-template name="proforma.section">
            <xsl:with-param name="number" select="position()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="proforma.sign-off"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:variable name="toc-rtf">
    <xsl:for-each select="$sections">
      <entry id="pf-{position()}" number="{position()}">
        <xsl:attribute name="title"><xsl:apply-templates select="t:heading/node()" mode="fill"/></xsl:attribute>
      </entry>
    </xsl:for-each>
    <entry id="pf-sign-off" number="">
      <xsl:attribute name="title"><xsl:apply-templates select="$pf/t:signatures/t:heading/node()" mode="fill"/></xsl:attribute>
    </entry>
  </xsl:variable>

  <!-- Title block: the annex, the title, the CCG and year, the introduction. -->
  <xsl:template name="proforma.title">
    <fo:block role="P" font-weight="bold" color="{$nhs-blue}" space-after="2pt">
      <xsl:apply-templates select="$pf/t:annex-label" mode="fill"/>
    </fo:block>
    <fo:block xsl:use-attribute-sets="title" role="H1">
      <xsl:apply-templates select="$pf/t:title" mode="fill"/>
    </fo:block>
    <fo:block xsl:use-attribute-sets="subtitle" role="P">
      <xsl:apply-templates select="$pf/t:subtitle" mode="fill"/>
    </fo:block>
    <xsl:for-each select="$pf/t:intro">
      <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates select="." mode="fill"/></fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- A section: its heading, its introduction, then its questions in a
       two-column table (question, answer); a wide question's answer
       takes the full width under it. -->
  <xsl:template name="proforma.section">
    <xsl:param name="number"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="number" select="$number"/>
      <xsl:with-param name="id" select="concat('pf-', $number)"/>
      <xsl:with-param name="content"><xsl:apply-templates select="t:heading/node()" mode="fill"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="t:intro">
      <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
      <xsl:if test="$ok = 'yes'">
        <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates mode="fill"/></fo:block>
      </xsl:if>
    </xsl:for-each>
    <xsl:variable name="questions-rtf">
      <xsl:for-each select="t:question">
        <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
        <xsl:if test="$ok = 'yes'"><xsl:copy-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="qs" select="exsl:node-set($questions-rtf)/t:question"/>
    <xsl:for-each select="$qs">
      <xsl:variable name="qn" select="concat($number, '.', position())"/>
      <xsl:choose>
        <!-- A wide question: the question, then its answer across the
             full width, as two ruled blocks kept together. -->
        <xsl:when test="@wide = 'yes'">
          <fo:block xsl:use-attribute-sets="proforma.wide.question" role="Div">
            <xsl:if test="preceding-sibling::t:question"><xsl:attribute name="border-top-style">none</xsl:attribute></xsl:if>
            <xsl:call-template name="question-text"><xsl:with-param name="qn" select="$qn"/></xsl:call-template>
          </fo:block>
          <fo:block xsl:use-attribute-sets="proforma.wide.answer" role="Div">
            <xsl:call-template name="answer"/>
          </fo:block>
        </xsl:when>
        <!-- The first of a run of ordinary questions: the run as a
             two-column table (question, answer). -->
        <xsl:when test="not(preceding-sibling::t:question[1]) or preceding-sibling::t:question[1][@wide = 'yes']">
          <xsl:variable name="k" select="count(preceding-sibling::t:question[@wide = 'yes'])"/>
          <xsl:variable name="start" select="position()"/>
          <fo:table xsl:use-attribute-sets="table proforma.questions" role="Table">
            <fo:table-column column-width="proportional-column-width({$question-width})"/>
            <fo:table-column column-width="proportional-column-width({100 - $question-width})"/>
            <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
              <xsl:for-each select=". | following-sibling::t:question[not(@wide = 'yes')][count(preceding-sibling::t:question[@wide = 'yes']) = $k]">
                <fo:table-row role="TR" keep-together.within-page="always">
                  <fo:table-cell xsl:use-attribute-sets="table.label.cell" role="TH">
                    <xsl:call-template name="question-text">
                      <xsl:with-param name="qn" select="concat($number, '.', $start + position() - 1)"/>
                    </xsl:call-template>
                  </fo:table-cell>
                  <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
                    <xsl:call-template name="answer"/>
                  </fo:table-cell>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Consecutive question tables and wide questions join up: no space
       between them, the shared rule drawn once. -->
  <xsl:attribute-set name="proforma.questions">
    <xsl:attribute name="space-before">0pt</xsl:attribute>
    <xsl:attribute name="space-after">0pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- margin-left/right 0: the border and padding lie inside the text
       column, as a table's do (otherwise XSL puts them outside it). -->
  <xsl:attribute-set name="proforma.wide.question" use-attribute-sets="table.label.cell">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="proforma.wide.answer" use-attribute-sets="table.cell">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="border-top-style">none</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="question-text">
    <xsl:param name="qn"/>
    <fo:list-block role="L" provisional-distance-between-starts="10mm" provisional-label-separation="1mm">
      <fo:list-item role="LI">
        <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="$qn"/></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()" role="LBody"><fo:block role="P"><xsl:apply-templates mode="fill"/></fo:block></fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- The answer to the current question: blocks; a visible blank when the
       arrangement does not give it. -->
  <xsl:template name="answer">
    <xsl:variable name="a"><xsl:apply-templates select="." mode="answer"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($a) != '' or exsl:node-set($a)//fo:table or exsl:node-set($a)//fo:leader">
        <xsl:call-template name="as-blocks"><xsl:with-param name="content" select="$a"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@wide = 'yes'">
        <xsl:call-template name="blank-lines"><xsl:with-param name="lines" select="$blank-answer-lines"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <fo:block role="P" text-align-last="justify"><xsl:call-template name="blank"><xsl:with-param name="length" select="'long'"/></xsl:call-template></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Answers (mode "answer"): inline text or FO blocks; empty = blank.
       ================================================================ -->

  <xsl:template match="t:question" mode="answer">
    <xsl:message>cocom: proforma.xsl has no answer for the question "<xsl:value-of select="@key"/>"; it is left blank</xsl:message>
  </xsl:template>

  <!-- 1. CCG details -->
  <xsl:template match="t:question[@key = 'ccg-name']" mode="answer">
    <xsl:value-of select="normalize-space($the-ccg/a:name)"/>
    <xsl:if test="$the-ccg/a:short-name"> (<xsl:value-of select="normalize-space($the-ccg/a:short-name)"/>)</xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'ccg-ods-code']" mode="answer">
    <xsl:value-of select="$the-ccg/@ods-code"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'area-team']" mode="answer">
    <xsl:value-of select="normalize-space($the-area-team/a:name)"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'partner-ccgs']" mode="answer">
    <xsl:variable name="others" select="$root/a:parties/a:ccg[not(@id = $the-ccg/@id)]"/>
    <xsl:choose>
      <xsl:when test="$others">
        <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$others"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>None</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'population']" mode="answer">
    <xsl:for-each select="$the-ccg/a:population">
      <xsl:value-of select="format-number(@count, '#,##0')"/>
      <xsl:if test="@as-of">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@as-of"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'practices']" mode="answer">
    <xsl:variable name="p" select="$the-ccg/a:practices"/>
    <xsl:choose>
      <xsl:when test="$p/@count">
        <xsl:value-of select="$p/@count"/>
        <xsl:for-each select="$p/a:contract-count">
          <xsl:text>, of which </xsl:text>
          <xsl:value-of select="@count"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="label"><xsl:with-param name="set" select="'contract'"/><xsl:with-param name="value" select="@contract"/></xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$p/a:practice">
        <fo:block role="P">
          <xsl:call-template name="blank"/>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="count($p/a:practice)"/>
          <xsl:text> listed in the arrangement)</xsl:text>
        </fo:block>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'accountable-officer']" mode="answer">
    <xsl:if test="$the-ccg/a:accountable-officer">
      <xsl:call-template name="person-inline"><xsl:with-param name="person" select="$the-ccg/a:accountable-officer"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'ccg-chair']" mode="answer">
    <xsl:if test="$the-ccg/a:ccg-chair">
      <xsl:call-template name="person-inline"><xsl:with-param name="person" select="$the-ccg/a:ccg-chair"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'lay-members']" mode="answer">
    <xsl:for-each select="$the-ccg/a:lay-members">
      <fo:block role="P"><xsl:value-of select="@count"/></fo:block>
      <xsl:if test="a:description">
        <fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- 2. The model -->
  <xsl:template match="t:question[@key = 'model']" mode="answer">
    <xsl:call-template name="label">
      <xsl:with-param name="set" select="'model'"/>
      <xsl:with-param name="value" select="$model-kind"/>
      <xsl:with-param name="attribute" select="'title'"/>
    </xsl:call-template>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="label">
      <xsl:with-param name="set" select="'model'"/>
      <xsl:with-param name="value" select="$model-kind"/>
      <xsl:with-param name="attribute" select="'lmc'"/>
    </xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="t:question[@key = 'joint-form']" mode="answer">
    <xsl:if test="$model/@joint-form">
      <xsl:variable name="f">
        <xsl:call-template name="label"><xsl:with-param name="set" select="'joint-form'"/><xsl:with-param name="value" select="$model/@joint-form"/></xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$f"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'start-date']" mode="answer">
    <xsl:if test="$model/@start-date">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="$model/@start-date"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'status']" mode="answer">
    <xsl:call-template name="label"><xsl:with-param name="set" select="'model-status'"/><xsl:with-param name="value" select="$model/@status"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'history']" mode="answer">
    <xsl:for-each select="$model/a:history/a:event">
      <fo:block role="P" space-after="3pt">
        <xsl:if test="@date">
          <fo:inline font-weight="bold" role="Span">
            <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
            <xsl:text>: </xsl:text>
          </fo:inline>
        </xsl:if>
        <xsl:apply-templates mode="inline"/>
      </fo:block>
    </xsl:for-each>
    <xsl:if test="$model/a:description">
      <fo:block role="P"><xsl:apply-templates select="$model/a:description" mode="inline"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'rationale']" mode="answer">
    <xsl:apply-templates select="$root/a:rationale/*" mode="block"/>
  </xsl:template>

  <!-- 3. Functions -->
  <xsl:template match="t:question[@key = 'functions-table']" mode="answer">
    <xsl:call-template name="functions-table">
      <xsl:with-param name="functions" select="$root/a:scope/a:function"/>
      <xsl:with-param name="columns" select="concat('function ', $model-kind, ' status')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'activities']" mode="answer">
    <xsl:variable name="acts" select="$root/a:scope/a:function/a:activity[(@status and (@status = 'joint' or @status = 'delegated')) or (not(@status) and (../@status = 'joint' or ../@status = 'delegated'))]"/>
    <xsl:if test="$acts">
      <fo:list-block xsl:use-attribute-sets="list" role="L">
        <xsl:for-each select="$acts">
          <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
            <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="$bullet"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()" role="LBody"><fo:block role="P"><xsl:call-template name="activity-name"/></fo:block></fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'reserved']" mode="answer">
    <xsl:variable name="fs" select="$root/a:scope/a:function[@status = 'reserved' or @status = 'retained']"/>
    <xsl:if test="$fs">
      <fo:list-block xsl:use-attribute-sets="list" role="L">
        <xsl:for-each select="$fs">
          <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
            <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="$bullet"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()" role="LBody"><fo:block role="P"><xsl:call-template name="function-name"/></fo:block></fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'pooled-fund']" mode="answer">
    <xsl:for-each select="$root/a:finance/a:pooled-fund">
      <fo:block role="P">
        <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="@used"/></xsl:call-template>
        <xsl:if test="@gbp"><xsl:text>; </xsl:text><xsl:call-template name="money"/></xsl:if>
      </fo:block>
      <xsl:if test="a:description"><fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- 4. Governance -->
  <xsl:template match="t:question[@key = 'committee-name']" mode="answer">
    <xsl:value-of select="normalize-space($committee-node/a:name)"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'committee-type']" mode="answer">
    <xsl:if test="$committee-node">
      <xsl:variable name="l">
        <xsl:call-template name="label"><xsl:with-param name="set" select="'committee-type'"/><xsl:with-param name="value" select="$committee-node/@type"/></xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$l"/></xsl:call-template>
      <xsl:text> (</xsl:text>
      <xsl:for-each select="str:tokenize($committee-node/@parties, ' ')">
        <xsl:if test="position() &gt; 1"> and </xsl:if>
        <xsl:call-template name="party-name"><xsl:with-param name="id" select="string(.)"/></xsl:call-template>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'in-common']" mode="answer">
    <xsl:variable name="g" select="$root/a:committees-in-common[contains(concat(' ', @committees, ' '), concat(' ', $committee-node/@id, ' '))]"/>
    <xsl:choose>
      <xsl:when test="$g">
        <fo:block role="P">
          <xsl:value-of select="normalize-space($g/a:name)"/>
          <xsl:if test="$g/@total"> (<xsl:value-of select="$g/@total"/> committees)</xsl:if>
        </fo:block>
        <xsl:if test="$g/a:description"><fo:block role="P"><xsl:apply-templates select="$g/a:description" mode="inline"/></fo:block></xsl:if>
      </xsl:when>
      <xsl:when test="$committee-node and $model/@joint-form = 'joint-committee'">None</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'membership']" mode="answer">
    <xsl:call-template name="membership-table"><xsl:with-param name="committee" select="$committee-node"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'chair' or @key = 'vice-chair']" mode="answer">
    <xsl:variable name="office" select="$committee-node/*[local-name() = current()/@key]"/>
    <xsl:variable name="who">
      <xsl:call-template name="office-holder">
        <xsl:with-param name="office" select="$office"/>
        <xsl:with-param name="committee" select="$committee-node"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($who) != ''">
      <fo:block role="P"><xsl:call-template name="capitalise"><xsl:with-param name="s" select="normalize-space($who)"/></xsl:call-template></fo:block>
    </xsl:if>
    <xsl:if test="$office/a:description">
      <fo:block role="P"><xsl:apply-templates select="$office/a:description" mode="inline"/></fo:block>
    </xsl:if>
  </xsl:template>

  <!-- The lay and executive majority, counted from the voting seats. -->
  <xsl:template match="t:question[@key = 'majority']" mode="answer">
    <xsl:variable name="voting" select="$committee-node/a:member[@voting = 'yes']"/>
    <xsl:if test="$voting">
      <xsl:choose>
        <xsl:when test="$voting[@count = 'unstated']">
          <xsl:text>Cannot be counted: the number of some voting seats is not stated.</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="total" select="count($voting[not(@count)]) + sum($voting/@count)"/>
          <xsl:variable name="le" select="$voting[@role = 'lay' or @role = 'executive']"/>
          <xsl:variable name="n-le" select="count($le[not(@count)]) + sum($le/@count)"/>
          <xsl:value-of select="concat($n-le, ' of the ', $total, ' voting seats are lay or executive members')"/>
          <xsl:choose>
            <xsl:when test="$n-le * 2 &gt; $total">: a lay and executive majority.</xsl:when>
            <xsl:otherwise>: no lay and executive majority.</xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'observers']" mode="answer">
    <xsl:call-template name="observers-list"><xsl:with-param name="committee" select="$committee-node"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'quorum']" mode="answer">
    <xsl:call-template name="quorum-text"><xsl:with-param name="committee" select="$committee-node"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'voting']" mode="answer">
    <xsl:call-template name="voting-text"><xsl:with-param name="committee" select="$committee-node"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'meetings']" mode="answer">
    <xsl:for-each select="$committee-node/a:meetings">
      <xsl:if test="@frequency and @frequency != 'other'">
        <fo:block role="P">
          <xsl:variable name="f"><xsl:call-template name="label"><xsl:with-param name="set" select="'frequency'"/><xsl:with-param name="value" select="@frequency"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$f"/></xsl:call-template>
          <xsl:if test="@notice-days">; papers <xsl:value-of select="@notice-days"/> days before each meeting</xsl:if>
        </fo:block>
      </xsl:if>
      <xsl:if test="not(@frequency) or @frequency = 'other'">
        <fo:block role="P" text-align-last="justify"><xsl:call-template name="blank"><xsl:with-param name="length" select="'long'"/></xsl:call-template></fo:block>
      </xsl:if>
      <xsl:if test="a:description"><fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'in-public']" mode="answer">
    <xsl:if test="$committee-node/a:meetings/@in-public">
      <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="$committee-node/a:meetings/@in-public"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'terms-of-reference']" mode="answer">
    <xsl:for-each select="$committee-node/a:terms-of-reference">
      <xsl:if test="@status or @version or @date">
        <xsl:if test="@status">
          <xsl:call-template name="capitalise"><xsl:with-param name="s" select="@status"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@version"><xsl:text>, version </xsl:text><xsl:value-of select="@version"/></xsl:if>
        <xsl:if test="@date">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
        </xsl:if>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- 5. Constitution and member approval -->
  <xsl:template match="t:question[@key = 'constitution-requested']" mode="answer">
    <xsl:if test="$the-mandate/a:constitution-change/@requested">
      <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="$the-mandate/a:constitution-change/@requested"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'constitution-dates']" mode="answer">
    <xsl:variable name="c" select="$the-mandate/a:constitution-change"/>
    <fo:block role="P">
      <xsl:text>Requested: </xsl:text>
      <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$c/@date-requested"/></xsl:call-template>
    </fo:block>
    <fo:block role="P">
      <xsl:text>Approved: </xsl:text>
      <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$c/@date-approved"/></xsl:call-template>
    </fo:block>
    <xsl:if test="$c/a:description"><fo:block role="P"><xsl:apply-templates select="$c/a:description" mode="inline"/></fo:block></xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'member-vote']" mode="answer">
    <xsl:for-each select="$the-mandate/a:member-vote">
      <fo:block role="P">
        <xsl:choose>
          <xsl:when test="@result">
            <xsl:call-template name="label"><xsl:with-param name="set" select="'member-vote-result'"/><xsl:with-param name="value" select="@result"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="blank"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@model">
          <xsl:text> of </xsl:text>
          <xsl:call-template name="label"><xsl:with-param name="set" select="'model'"/><xsl:with-param name="value" select="@model"/></xsl:call-template>
        </xsl:if>
        <xsl:text>; date: </xsl:text>
        <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </fo:block>
      <xsl:if test="a:description"><fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block></xsl:if>
    </xsl:for-each>
    <xsl:if test="$the-mandate/a:description">
      <fo:block role="P"><xsl:apply-templates select="$the-mandate/a:description" mode="inline"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'member-vote-counts']" mode="answer">
    <xsl:variable name="v" select="$the-mandate/a:member-vote"/>
    <xsl:if test="$v/@for or $v/@against or $v/@abstained or $v/@eligible">
      <xsl:for-each select="str:tokenize('for against abstained eligible', ' ')">
        <xsl:variable name="k" select="string(.)"/>
        <xsl:if test="position() &gt; 1"> / </xsl:if>
        <xsl:choose>
          <xsl:when test="$v/@*[local-name() = $k]"><xsl:value-of select="$v/@*[local-name() = $k]"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'10mm'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The ballot result: returns by model, against the member practices. -->
  <xsl:template match="t:question[@key = 'ballot']" mode="answer">
    <xsl:variable name="returns" select="$the-mandate/a:ballot-return"/>
    <xsl:if test="$returns">
      <xsl:variable name="members">
        <xsl:call-template name="member-practice-count"/>
      </xsl:variable>
      <xsl:for-each select="$labels/t:set[@name = 'model']/t:label">
        <xsl:variable name="m" select="@value"/>
        <fo:block role="P">
          <xsl:value-of select="@lmc"/>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="."/>
          <xsl:text>): </xsl:text>
          <xsl:value-of select="count($returns[@model = $m])"/>
        </fo:block>
      </xsl:for-each>
      <fo:block role="P">
        <xsl:value-of select="count($returns)"/>
        <xsl:text> returns</xsl:text>
        <xsl:if test="$members != ''">
          <xsl:value-of select="concat(' from ', $members, ' member practices')"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'governing-body']" mode="answer">
    <xsl:for-each select="$the-mandate/a:governing-body-approval">
      <fo:block role="P">
        <xsl:choose>
          <xsl:when test="@decision">
            <xsl:call-template name="label"><xsl:with-param name="set" select="'gb-decision'"/><xsl:with-param name="value" select="@decision"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="blank"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>; date: </xsl:text>
        <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </fo:block>
      <xsl:if test="a:description"><fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- 6. Conflicts of interest -->
  <xsl:template match="t:question[@key = 'register' or @key = 'procurement-register']" mode="answer">
    <xsl:variable name="r" select="$root/a:conflicts-of-interest/*[local-name() = current()/@key]"/>
    <xsl:if test="$r">
      <xsl:call-template name="register-text"><xsl:with-param name="register" select="$r"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'declarations']" mode="answer">
    <xsl:variable name="d" select="$root/a:conflicts-of-interest/a:register/a:declaration[@member = $committee-node/a:member/@id]"/>
    <xsl:if test="$d">
      <xsl:value-of select="count($d)"/>
      <xsl:text> declared; see the register of interests.</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'coi-management']" mode="answer">
    <xsl:apply-templates select="$root/a:conflicts-of-interest/a:management/*" mode="block"/>
  </xsl:template>

  <!-- 7. Resources -->
  <xsl:template match="t:question[@key = 'staffing']" mode="answer">
    <xsl:if test="$root/a:staffing/a:description">
      <fo:block role="P"><xsl:apply-templates select="$root/a:staffing/a:description" mode="inline"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'additional-posts']" mode="answer">
    <xsl:value-of select="$root/a:staffing/@additional-posts"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'running-costs']" mode="answer">
    <xsl:for-each select="$root/a:finance/a:running-costs">
      <xsl:if test="@gbp">
        <fo:block role="P">Running cost allowance: <xsl:call-template name="money"/></fo:block>
      </xsl:if>
      <xsl:if test="@uplift">
        <fo:block role="P">
          <xsl:text>Uplift for co-commissioning: </xsl:text>
          <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="@uplift"/></xsl:call-template>
        </fo:block>
      </xsl:if>
      <xsl:if test="a:description"><fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'finance']" mode="answer">
    <xsl:for-each select="$root/a:finance/a:allocation | $root/a:finance/a:per-head-spend | $root/a:finance/a:pms-premium">
      <fo:block role="P">
        <fo:inline font-weight="bold" role="Span">
          <xsl:choose>
            <xsl:when test="self::a:allocation">Primary care allocation</xsl:when>
            <xsl:when test="self::a:per-head-spend">Primary care spend per head</xsl:when>
            <xsl:otherwise>PMS premium</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@gbp">: </xsl:if>
        </fo:inline>
        <xsl:call-template name="money"/>
      </fo:block>
      <xsl:if test="a:description"><fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block></xsl:if>
    </xsl:for-each>
    <xsl:if test="$root/a:finance/a:description">
      <fo:block role="P"><xsl:apply-templates select="$root/a:finance/a:description" mode="inline"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'risks']" mode="answer">
    <xsl:if test="$root/a:risks/a:risk">
      <fo:list-block xsl:use-attribute-sets="list" role="L">
        <xsl:for-each select="$root/a:risks/a:risk">
          <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
            <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="$bullet"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()" role="LBody">
              <fo:block role="P"><xsl:apply-templates select="a:description" mode="inline"/></fo:block>
              <xsl:for-each select="a:mitigation">
                <fo:block role="P" font-style="italic">Mitigation: <xsl:apply-templates mode="inline"/></fo:block>
              </xsl:for-each>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <!-- 8. Engagement -->
  <xsl:template match="t:question[@key = 'lmc']" mode="answer">
    <xsl:for-each select="$root/a:parties/a:lmc">
      <fo:block role="P"><xsl:value-of select="normalize-space(a:name)"/></fo:block>
    </xsl:for-each>
    <xsl:for-each select="$committee-node/a:observer[@role = 'lmc']">
      <fo:block role="P"><xsl:call-template name="observer-line"/></fo:block>
    </xsl:for-each>
    <xsl:if test="$the-mandate/a:description[contains(., 'medical committee') or contains(., 'LMC')]">
      <fo:block role="P"><xsl:apply-templates select="$the-mandate/a:description" mode="inline"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'hwb']" mode="answer">
    <xsl:for-each select="$committee-node/a:observer[@role = 'health-and-wellbeing-board']">
      <fo:block role="P"><xsl:call-template name="observer-line"/></fo:block>
    </xsl:for-each>
    <xsl:for-each select="$root/a:board-report">
      <fo:block role="P">
        <xsl:text>Report to the </xsl:text>
        <xsl:call-template name="party-name"><xsl:with-param name="id" select="@board"/></xsl:call-template>
        <xsl:variable name="c" select="$root/a:parties/a:health-and-wellbeing-board[@id = current()/@board]/@council"/>
        <xsl:if test="$c">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="party-name"><xsl:with-param name="id" select="$c"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
        <xsl:text>: “</xsl:text>
        <xsl:value-of select="normalize-space(a:cover/a:report-title)"/>
        <xsl:text>”</xsl:text>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'healthwatch']" mode="answer">
    <xsl:for-each select="$committee-node/a:observer[@role = 'healthwatch']">
      <fo:block role="P"><xsl:call-template name="observer-line"/></fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- 9. Submission -->
  <xsl:template match="t:question[@key = 'submitted-to']" mode="answer">
    <xsl:variable name="to" select="$root/a:application/a:submission/@to"/>
    <xsl:choose>
      <xsl:when test="$to">
        <xsl:variable name="l"><xsl:call-template name="label"><xsl:with-param name="set" select="'recipient'"/><xsl:with-param name="value" select="$to"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$l"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$pf/t:text[@name = concat('submitted-to-', $annex-letter)]/node()" mode="fill"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'deadline']" mode="answer">
    <xsl:variable name="d" select="$root/a:application/a:deadline[@model = $model-kind]"/>
    <xsl:if test="$d">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="$d/@date"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'submitted']" mode="answer">
    <xsl:for-each select="$root/a:application/a:submission[@date]">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      <xsl:if test="@annex"> (annex <xsl:value-of select="@annex"/>)</xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'approval-route']" mode="answer">
    <xsl:apply-templates select="$pf/t:text[@name = concat('approval-route-', $annex-letter)]/node()" mode="fill"/>
  </xsl:template>

  <!-- ================================================================
       Sign-off: the CCG's accountable officer and clinical chair, and
       NHS England's area director.
       ================================================================ -->
  <xsl:template name="proforma.sign-off">
    <xsl:variable name="s" select="$pf/t:signatures"/>
    <fo:block role="Div" keep-together.within-page="always">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'pf-sign-off'"/>
        <xsl:with-param name="content"><xsl:apply-templates select="$s/t:heading/node()" mode="fill"/></xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$s/t:intro">
        <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates mode="fill"/></fo:block>
      </xsl:for-each>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation" select="normalize-space($the-ccg/a:name)"/>
        <xsl:with-param name="person" select="$the-ccg/a:accountable-officer"/>
        <xsl:with-param name="position" select="$s/t:role[@name = 'accountable-officer']"/>
      </xsl:call-template>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation" select="normalize-space($the-ccg/a:name)"/>
        <xsl:with-param name="person" select="$the-ccg/a:ccg-chair"/>
        <xsl:with-param name="position" select="$s/t:role[@name = 'ccg-chair']"/>
      </xsl:call-template>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation">
          <xsl:choose>
            <xsl:when test="$the-area-team"><xsl:value-of select="normalize-space($the-area-team/a:name)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($nhse/a:name)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="person" select="$the-area-team/a:director"/>
        <xsl:with-param name="position" select="$s/t:role[@name = 'area-director']"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
